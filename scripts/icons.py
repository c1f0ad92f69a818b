"""Draws the extension icons (a white speech bubble with three reply lines on a teal rounded square).

Run once by hand (`python3 scripts/icons.py`); the PNGs are committed. Standard library only."""
import struct, zlib

def png(size):
    s = size
    def inside_round_rect(x, y, x0, y0, x1, y1, r):
        cx = min(max(x, x0 + r), x1 - r); cy = min(max(y, y0 + r), y1 - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    rows = []
    for j in range(s):
        row = bytearray([0])
        for i in range(s):
            x, y = (i + 0.5) / s, (j + 0.5) / s
            px = (0, 0, 0, 0)
            if inside_round_rect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2):
                px = (0, 121, 107, 255)
                bubble = inside_round_rect(x, y, 0.18, 0.2, 0.82, 0.66, 0.1)
                tail = 0.28 <= x <= 0.44 and 0.64 <= y <= 0.82 and (x - 0.28) >= (y - 0.64) * 0.9
                if bubble or tail:
                    px = (255, 255, 255, 255)
                    for (ly, lx1) in ((0.33, 0.7), (0.43, 0.62), (0.53, 0.52)):
                        if abs(y - ly) <= 0.025 and 0.3 <= x <= lx1:
                            px = (0, 121, 107, 255)
            row.extend(px)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", s, s, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")

for size in (16, 32, 48, 128):
    with open(f"extension/icons/{size}.png", "wb") as f:
        f.write(png(size))
