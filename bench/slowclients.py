#!/usr/bin/env python3
# Holds COUNT useless connections open against HOST:PORT until SIGTERM (bench/receiver-bench.sh,
# phase 5): a third idle, a third dripping a request head a byte every 0.5 s, a third sending a
# body that never completes. A connection the server drops is opened again at once, as an
# attacker would. Prints "held=N opened=N" to stderr every second and its totals at the end.
import asyncio, signal, sys
host, port, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
stats = {"opened": 0, "dropped_by_server": 0, "refused": 0, "held": 0}

async def hold(i):
    while True:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            stats["refused"] += 1
            await asyncio.sleep(0.2)
            continue
        stats["opened"] += 1
        stats["held"] += 1
        try:
            kind = i % 3
            if kind == 1:  # a head that never ends, one byte every 0.5 s
                data = b"POST /vwo-webhook HTTP/1.1\r\nHost: x\r\nx-padding: " + b"a" * 4000
            elif kind == 2:  # a body that never completes
                writer.write(b"POST /vwo-webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n{")
                data = b" " * 4000
            else:  # idle
                data = b""
            pos = 0
            while True:
                if pos < len(data):
                    writer.write(data[pos:pos + 1])
                    pos += 1
                    await writer.drain()
                try:
                    chunk = await asyncio.wait_for(reader.read(4096), timeout=0.5)
                    if not chunk:
                        break
                except asyncio.TimeoutError:
                    pass
        except (ConnectionError, OSError):
            pass
        finally:
            stats["held"] -= 1
            stats["dropped_by_server"] += 1
            writer.close()

async def report():
    while True:
        await asyncio.sleep(1)
        print(f"held={stats['held']} opened={stats['opened']}", file=sys.stderr, flush=True)

async def main():
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    tasks = [asyncio.create_task(hold(i)) for i in range(count)]
    tasks.append(asyncio.create_task(report()))
    await stop.wait()
    print(" ".join(f"{k}={v}" for k, v in stats.items()), flush=True)

asyncio.run(main())
