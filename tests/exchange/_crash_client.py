"""A client process of the crash test: posts its entries one by one, retrying through
server crashes; appends ``j index`` to its acknowledgement file (flushed to disk) only
once the server has answered with the index."""

from __future__ import annotations

import os
import sys
import time

from indivisible.exchange import Client, ExchangeError, Rejected, read_key_file, sign_entry


def main() -> None:
    server, keyfile, name, count, ack_path, deadline_s = sys.argv[1:7]
    key = read_key_file(keyfile)
    client = Client(server, timeout=10)
    deadline = time.monotonic() + float(deadline_s)
    with open(ack_path, "a", encoding="utf-8") as ack:
        for j in range(int(count)):
            entry = {
                "kind": "status_event",
                "party": key.party,
                "instrument": "open-skies-1992",
                "event": "signed",
                "date": "2027-01-01",
                "note": f"{name} entry {j}",
            }
            sig = sign_entry(entry, key)
            while True:
                if time.monotonic() > deadline:
                    return
                try:
                    index = client.post(entry, sig, key.public_b64)
                except Rejected as exc:
                    if exc.index is None:  # anything but a replay is a test failure
                        raise
                    index = exc.index  # stored before the crash, answer lost: same entry
                except ExchangeError:
                    time.sleep(0.05)  # the server is down: retry the same signed entry
                    continue
                ack.write(f"{j} {index}\n")
                ack.flush()
                os.fsync(ack.fileno())
                break


if __name__ == "__main__":
    main()
