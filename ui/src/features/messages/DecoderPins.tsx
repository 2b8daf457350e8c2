// The toolbar's "Decoding" control: how this topic's keys and values are decoded, as pinned
// in the workspace (the default decoders from Settings mean no pin). Changing either
// select pins the pair, and the page on screen is read again with it.
import { useId } from "react";
import type { TopicDecoders } from "../../bindings/TopicDecoders";
import { DECODER_CHOICES, DECODER_LABELS, isDecoderChoice } from "./decoderChoices";
import { usePinTopicDecoders, useTopicDecoders } from "./queries";

interface DecoderPinsProps {
  connectionId: string;
  topic: string;
}

export function DecoderPins({ connectionId, topic }: DecoderPinsProps) {
  const ids = { key: useId(), value: useId() };
  const decoders = useTopicDecoders(connectionId, topic);
  const pin = usePinTopicDecoders(connectionId, topic);
  const current = decoders.data;
  const disabled = current === undefined || pin.isPending;

  const change = (side: keyof TopicDecoders, value: string) => {
    if (current === undefined || !isDecoderChoice(value) || value === current[side]) return;
    pin.mutate({ ...current, [side]: value });
  };

  const select = (side: keyof TopicDecoders, label: string) => (
    <span className="decoder-pins__side">
      <label htmlFor={ids[side]}>{label}</label>
      <select
        id={ids[side]}
        data-testid={`decoder-${side}`}
        value={current?.[side] ?? "auto"}
        disabled={disabled}
        title={current === undefined ? undefined : DECODER_LABELS[current[side]]}
        onChange={(event) => {
          change(side, event.target.value);
        }}
      >
        {DECODER_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {DECODER_LABELS[choice]}
          </option>
        ))}
      </select>
    </span>
  );

  const error = pin.error ?? decoders.error;
  return (
    <div className="messages-toolbar__field decoder-pins" role="group" aria-label="Decoding" data-testid="decoder-pins">
      <span className="decoder-pins__title">Decoding</span>
      <div className="decoder-pins__selects">
        {select("key", "Key")}
        {select("value", "Value")}
      </div>
      {error !== null && (
        <p className="field__error decoder-pins__error" role="alert" data-testid="decoder-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
