"""Draws the Streamlens icon (a lens over three stream lines) as RGBA PNGs, stdlib only.
Run once: python3 icons/make_icons.py; the PNGs are committed."""
import math, struct, zlib, pathlib

def png(size):
    px = bytearray()
    for y in range(size):
        px.append(0)
        for x in range(size):
            u, v = (x + 0.5) / size, (y + 0.5) / size
            r = 0.22  # rounded square radius
            dx, dy = max(abs(u - 0.5) - (0.5 - r), 0), max(abs(v - 0.5) - (0.5 - r), 0)
            inside = math.hypot(dx, dy) <= r
            if not inside:
                px += bytes((0, 0, 0, 0)); continue
            t = v
            col = [int(20 + 20 * t), int(40 + 60 * t), int(90 + 80 * t)]
            for i, ly in enumerate((0.36, 0.5, 0.64)):  # stream lines
                if abs(v - ly) < 0.022 and 0.16 < u < 0.84:
                    col = [90, 200 - i * 30, 240]
            d = math.hypot(u - 0.56, v - 0.46)  # lens
            if 0.17 < d < 0.22:
                col = [245, 245, 250]
            elif d <= 0.17:
                col = [min(255, c + 40) for c in col]
            if abs((u - 0.56) - (v - 0.46)) < 0.045 and 0.68 < u < 0.84 and 0.58 < v < 0.74:
                col = [245, 245, 250]  # handle
            px += bytes(col + [255])
    raw = zlib.compress(bytes(px), 9)
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

here = pathlib.Path(__file__).parent
for name, size in (("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)):
    (here / name).write_bytes(png(size))
