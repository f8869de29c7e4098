"""Accelerometer traces of the 30-second chair stand, generated from a small body model, to test the phone's
stand counter (frontend/static/frontend/js/standcounter.js) without a person in the loop.

A trace is what a phone reports as DeviceMotionEvent.accelerationIncludingGravity: {t (ms), x, y, z} in m/s²,
in the phone's own axes. The body model:

- "chest": the phone held flat against the chest by the crossed arms. Standing up raises it by the rise height
  (35-45 cm) while the trunk leans forward (up to 35-40 degrees) and back upright, as people do to get their
  weight over their feet.
- "pocket": the phone in a front trouser pocket, on the thigh about 25 cm from the knee. The thigh turns from
  horizontal (sitting) to nearly upright (standing), so the pocket rises about 20-25 cm and the phone turns
  with it.

Each rise and sit follows a minimum-jerk path (Flash & Hogan, J Neurosci 1985), the usual model of a smooth
human movement. On top: the phone's fixed but arbitrary orientation in the pocket or hand, sensor noise, a
bias and scale error per axis, hand tremor, the thump of landing on the seat, timestamp jitter and dropped
samples. Run this file to write every scenario as JSON into a folder, to plot or replay them.
"""

import json
import math
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

G = 9.81
DURATION_S = 30.0


@dataclass(frozen=True)
class Move:
    """From `start` to `end` progress (0 = seated, 1 = fully standing) over `seconds`; equal ends is a pause."""

    seconds: float
    start: float
    end: float


def cycle(rise: float, stand: float, sit: float, seated: float, depth: float = 1.0) -> list[Move]:
    """One stand: up to `depth` of a full stand, a pause, back down, a pause on the seat."""
    return [Move(rise, 0, depth), Move(stand, depth, depth), Move(sit, depth, 0), Move(seated, 0, 0)]


def steady(stands: int, seconds_each: float, lead: float = 0.4) -> list[Move]:
    """`stands` even stands of `seconds_each`, rising and sitting taking about a third each."""
    moves = [Move(lead, 0, 0)]
    for _ in range(stands):
        moves += cycle(0.36 * seconds_each, 0.1 * seconds_each, 0.36 * seconds_each, 0.18 * seconds_each)
    return moves


@dataclass(frozen=True)
class Body:
    placement: str  # "chest" or "pocket"
    rise_m: float = 0.4  # chest: how far the chest rises; pocket: the pocket's distance from the knee
    lean_deg: float = 35.0  # chest: the trunk's forward lean at mid-rise
    sway_m: float = 0.05  # chest: how far the chest moves forward at mid-rise
    thigh_deg: float = 80.0  # pocket: the thigh's turn from sitting to standing


@dataclass(frozen=True)
class Sensor:
    rate_hz: float = 60.0
    noise: float = 0.05  # m/s², white, per axis
    bias: float = 0.1  # m/s², at most, per axis
    scale: float = 0.02  # at most, per axis
    tremor: float = 0.0  # m/s², a 5-6 Hz hand tremor
    thump: float = 3.0  # m/s², the jolt of landing on the seat
    jitter_ms: float = 2.0
    dropped: float = 0.01  # share of samples lost
    fusion_lag_s: float = 0.05
    fusion_error_deg: float = 2.0


@dataclass(frozen=True)
class Scenario:
    name: str
    body: Body
    moves: list[Move]
    expected: int
    sensor: Sensor = field(default_factory=Sensor)
    seed: int = 1


def _min_jerk(u: float) -> float:
    u = min(1.0, max(0.0, u))
    return u**3 * (10 - 15 * u + 6 * u * u)


def progress_at(moves: list[Move], t: float) -> float:
    start = 0.0
    for move in moves:
        if t < start + move.seconds:
            return move.start + (move.end - move.start) * _min_jerk((t - start) / move.seconds)
        start += move.seconds
    return moves[-1].end if moves else 0.0


def _pose(body: Body, p: float) -> tuple[float, float, float]:
    """The phone's (forward, up) position in metres and its pitch in radians at progress p."""
    if body.placement == "chest":
        lean = math.radians(body.lean_deg) * math.sin(math.pi * p)
        return body.sway_m * math.sin(math.pi * p), body.rise_m * p, lean
    angle = math.radians(body.thigh_deg) * p
    return -body.rise_m * math.cos(angle), body.rise_m * math.sin(angle), angle


def _rotation(rng: random.Random) -> list[list[float]]:
    """A random orientation of the phone in the hand or pocket (uniform on the sphere, by quaternion)."""
    u1, u2, u3 = rng.random(), rng.random(), rng.random()
    a, b = math.sqrt(1 - u1), math.sqrt(u1)
    w, x, y, z = (
        a * math.sin(2 * math.pi * u2),
        a * math.cos(2 * math.pi * u2),
        b * math.sin(2 * math.pi * u3),
        b * math.cos(2 * math.pi * u3),
    )
    return [
        [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
        [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
        [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
    ]


def _landings(moves: list[Move]) -> list[float]:
    times, start = [], 0.0
    for move in moves:
        start += move.seconds
        if move.end == 0 and move.start > 0:
            times.append(start)
    return times


def trace(scenario: Scenario) -> list[dict]:
    rng = random.Random(scenario.seed)
    body, sensor = scenario.body, scenario.sensor
    mount = _rotation(rng)
    bias = [rng.uniform(-sensor.bias, sensor.bias) for _ in range(3)]
    scale = [1 + rng.uniform(-sensor.scale, sensor.scale) for _ in range(3)]
    tremor_hz, tremor_phase = rng.uniform(5, 6), rng.uniform(0, 2 * math.pi)
    landings = _landings(scenario.moves)
    h = 0.002
    samples = []
    for i in range(int(DURATION_S * sensor.rate_hz)):
        if rng.random() < sensor.dropped:
            continue
        t = i / sensor.rate_hz
        before, now, after = (_pose(body, progress_at(scenario.moves, t + d)) for d in (-h, 0, h))
        forward = (after[0] - 2 * now[0] + before[0]) / h**2
        up = (after[1] - 2 * now[1] + before[1]) / h**2 + G
        up += sum(
            sensor.thump * math.exp(-(t - at) / 0.04) * math.sin(2 * math.pi * 9 * (t - at))
            for at in landings
            if 0 <= t - at < 0.3
        )
        up += sensor.tremor * math.sin(2 * math.pi * tremor_hz * t + tremor_phase)
        # World (forward, sideways, up) into the body's frame, pitched by the lean or the thigh's turn.
        pitch = now[2]
        in_body = (
            forward * math.cos(pitch) - up * math.sin(pitch),
            0.0,
            forward * math.sin(pitch) + up * math.cos(pitch),
        )
        phone = [sum(mount[r][c] * in_body[c] for c in range(3)) for r in range(3)]
        noise = [rng.gauss(0, sensor.noise) for _ in range(3)]
        x, y, z = (scale[k] * phone[k] + bias[k] + noise[k] for k in range(3))
        # The phone's own fusion of accelerometer and gyroscope: the same minus its estimate of gravity, which
        # lags a fast turn a little and wanders by a few degrees.
        fused = _pose(body, progress_at(scenario.moves, t - sensor.fusion_lag_s))[2]
        fused += math.radians(sensor.fusion_error_deg) * math.sin(2 * math.pi * t / 17 + tremor_phase)
        down = (-G * math.sin(fused), 0.0, G * math.cos(fused))
        gravity = [sum(mount[r][c] * down[c] for c in range(3)) for r in range(3)]
        lx, ly, lz = (phone[k] - gravity[k] + noise[k] for k in range(3))
        stamp = max(0.0, t * 1000 + rng.uniform(-sensor.jitter_ms, sensor.jitter_ms))
        samples.append(
            {
                "t": round(stamp, 2),
                "x": round(x, 4),
                "y": round(y, 4),
                "z": round(z, 4),
                "lx": round(lx, 4),
                "ly": round(ly, 4),
                "lz": round(lz, 4),
            }
        )
    return samples


CHEST = Body("chest")
POCKET = Body("pocket", rise_m=0.25)
NOISY = Sensor(
    noise=0.15, bias=0.3, tremor=0.5, thump=5.0, jitter_ms=5.0, dropped=0.05, fusion_lag_s=0.1, fusion_error_deg=4
)


def _slowing(stands: int) -> list[Move]:
    """Tiring: each stand a little slower than the one before, from 2 s to about 3.5 s."""
    moves = [Move(0.4, 0, 0)]
    for k in range(stands):
        seconds = 2.0 + 1.5 * k / max(1, stands - 1)
        moves += cycle(0.36 * seconds, 0.1 * seconds, 0.36 * seconds, 0.18 * seconds)
    return moves


def _with_half_stand(full_before: int, full_after: int, seconds_each: float) -> list[Move]:
    half = cycle(0.25 * seconds_each, 0.05 * seconds_each, 0.25 * seconds_each, 0.3 * seconds_each, depth=0.4)
    return steady(full_before, seconds_each) + half + steady(full_after, seconds_each, lead=0.0)


def _ending_part_way(stands: int, seconds_each: float, depth_at_end: float) -> list[Move]:
    """`stands` full stands, then a rise still under way when the 30 seconds are up, `depth_at_end` of the way."""
    moves = steady(stands, seconds_each)
    used = sum(move.seconds for move in moves)
    rise = 0.36 * seconds_each
    # The last rise is timed so that at 30 s its minimum-jerk path has reached depth_at_end.
    u = next(k / 1000 for k in range(1001) if _min_jerk(k / 1000) >= depth_at_end)
    lead = DURATION_S - (used - moves[0].seconds) - u * rise
    return [Move(lead, 0, 0), *moves[1:], Move(rise, 0, 1)]


SCENARIOS = [
    Scenario("chest, steady, 2.4 s a stand", CHEST, steady(12, 2.4), 12),
    Scenario("chest, fast, 1.6 s a stand", CHEST, steady(18, 1.6), 18, seed=2),
    Scenario("chest, slow, 4.8 s a stand", CHEST, steady(6, 4.8), 6, seed=3),
    Scenario("chest, very slow, 7 s a stand", CHEST, steady(4, 7.0), 4, seed=4),
    Scenario("pocket, steady, 2.4 s a stand", POCKET, steady(12, 2.4), 12, seed=5),
    Scenario("pocket, fast, 1.6 s a stand", POCKET, steady(18, 1.6), 18, seed=6),
    Scenario("pocket, slow, 4.8 s a stand", POCKET, steady(6, 4.8), 6, seed=7),
    Scenario("chest, tiring", CHEST, _slowing(11), 11, seed=8),
    Scenario("pocket, tiring", POCKET, _slowing(11), 11, seed=9),
    Scenario("chest, a half stand among full ones", CHEST, _with_half_stand(5, 5, 2.5), 10, seed=10),
    Scenario("pocket, a half stand among full ones", POCKET, _with_half_stand(4, 5, 2.6), 9, seed=11),
    Scenario("chest, noisy phone and shaky hands", CHEST, steady(11, 2.6), 11, NOISY, seed=12),
    Scenario("pocket, noisy phone", POCKET, steady(11, 2.6), 11, NOISY, seed=13),
    Scenario("chest, 100 Hz phone", CHEST, steady(10, 2.8), 10, Sensor(rate_hz=100), seed=14),
    Scenario("pocket, 50 Hz phone", POCKET, steady(10, 2.8), 10, Sensor(rate_hz=50, dropped=0.08), seed=15),
    Scenario(
        "chest, shallow rise (short person, high seat)",
        Body("chest", rise_m=0.28, lean_deg=25),
        steady(12, 2.4),
        12,
        seed=16,
    ),
    Scenario("pocket, near the hip", Body("pocket", rise_m=0.35, thigh_deg=70), steady(12, 2.4), 12, seed=17),
    Scenario("chest, more than halfway up at 30 s (counts)", CHEST, _ending_part_way(11, 2.5, 0.75), 12, seed=18),
    Scenario(
        "pocket, less than halfway up at 30 s (does not count)", POCKET, _ending_part_way(11, 2.5, 0.25), 11, seed=19
    ),
    Scenario("pocket, too tired after 6, sitting out the rest", POCKET, steady(6, 2.6), 6, seed=22),
    Scenario("chest, sitting still, shaky hands", CHEST, [Move(DURATION_S, 0, 0)], 0, NOISY, seed=20),
    Scenario("pocket, sitting still", POCKET, [Move(DURATION_S, 0, 0)], 0, seed=21),
]


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "artifacts/chair_traces")
    folder.mkdir(parents=True, exist_ok=True)
    for number, scenario in enumerate(SCENARIOS, start=1):
        path = folder / f"{number:02d}.json"
        path.write_text(json.dumps({"name": scenario.name, "expected": scenario.expected, "samples": trace(scenario)}))
        print(path, scenario.name)
