#!/usr/bin/env python3
"""Times commands in turn, round after round, and prints each one's median and minimum.

    bench/interleaved.py ROUNDS 'label=command ...' ['label=command ...' ...]

hyperfine runs all the runs of one command before the next, so on a shared machine whose
speed drifts (a VM with noisy neighbours) two commands can be measured in different
weather. Interleaving them puts every command in every round's weather; the ratios of
their medians are then what the changes did, not when they ran.
"""

import shlex
import statistics
import subprocess
import sys
import time


def main() -> None:
    rounds = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    times: dict[str, list[float]] = {label: [] for label, _ in commands}
    for _ in range(rounds):
        for label, command in commands:
            start = time.perf_counter()
            subprocess.run(
                shlex.split(command),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            times[label].append((time.perf_counter() - start) * 1000)
    for label, ms in times.items():
        print(f"{label:>12}  median {statistics.median(ms):8.1f} ms  min {min(ms):8.1f} ms")


if __name__ == "__main__":
    main()
