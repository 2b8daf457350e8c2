// The decoders a topic's keys or values can be read with, and how the UI names them: shared
// by the topic's Decoding pins and the default decoders in Settings, so both say the same.
import type { DecoderChoice } from "../../bindings/DecoderChoice";

export const DECODER_CHOICES: readonly DecoderChoice[] = ["auto", "registry", "json", "utf-8", "msgpack", "hex"];

export const DECODER_LABELS: Record<DecoderChoice, string> = {
  auto: "Auto (registry, JSON, text, MessagePack, hex)",
  registry: "Schema Registry only",
  json: "JSON",
  "utf-8": "UTF-8 text",
  msgpack: "MessagePack",
  hex: "Hex",
};

export function isDecoderChoice(value: string): value is DecoderChoice {
  return (DECODER_CHOICES as readonly string[]).includes(value);
}
