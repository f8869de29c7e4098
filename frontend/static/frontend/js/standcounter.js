// Counts the stands of a 30-second chair stand from the phone's motion sensors, to offer the person a number
// they confirm or correct (it is never saved by itself). Pure: samples in, a count out. How it works and its
// limits: docs/chair_stand.md. Tested on generated traces: tests/frontend/chair_traces.py.
//
// The phone reports its acceleration with and without gravity (the second from its own fusion of the
// accelerometer and gyroscope). Their difference is gravity, so "up" is known however the phone sits in a
// pocket or hand; the acceleration along it, summed twice, is the phone's height over time, and each rise of
// that height is a stand.

const RATE_HZ = 50;
const SMOOTHING_S = 0.3; // against sensor noise, tremor and the thump of landing on the seat (used twice)
const DRIFT_WINDOW_S = 6; // changes of speed slower than this are drift of the sum, not the body moving
const STILL_ACCELERATION = 0.25; // m/s²: below this for STILL_S the body is at rest, so its speed is nought
const STILL_S = 0.3;
const NOISE_FLOOR_M = 0.1; // a rise smaller than this is not a stand, whatever the others are
const FULL_SHARE = 0.6; // a stand rises at least this share of the person's usual rise
const LAST_SHARE = 0.5; // when the time is up: more than halfway up counts (STEADI)
const MIN_SECONDS = 20; // a shorter recording (motion reported late or not at all) gives no count

// Acceleration along "up": the linear acceleration projected on gravity (with-gravity minus without).
function upward(sample) {
  const [gx, gy, gz] = [sample.x - sample.lx, sample.y - sample.ly, sample.z - sample.lz];
  return (sample.lx * gx + sample.ly * gy + sample.lz * gz) / Math.hypot(gx, gy, gz);
}

// At a steady rate: phones deliver motion events unevenly and sometimes drop some.
function resampled(samples) {
  const out = [];
  let j = 0;
  for (let t = samples[0].t; t <= samples[samples.length - 1].t; t += 1000 / RATE_HZ) {
    while (j < samples.length - 2 && samples[j + 1].t < t) j += 1;
    const [a, b] = [samples[j], samples[j + 1]];
    const share = b.t > a.t ? Math.min(1, Math.max(0, (t - a.t) / (b.t - a.t))) : 0;
    out.push(upward(a) + (upward(b) - upward(a)) * share);
  }
  return out;
}

function movingAverage(values, seconds) {
  const half = Math.max(1, Math.round((seconds * RATE_HZ) / 2));
  const sums = [0];
  for (const value of values) sums.push(sums[sums.length - 1] + value);
  return values.map((_, i) => {
    const [from, to] = [Math.max(0, i - half), Math.min(values.length, i + half + 1)];
    return (sums[to] - sums[from]) / (to - from);
  });
}

function integrate(values) {
  let total = 0;
  return values.map((value) => (total += value / RATE_HZ));
}

function stillness(acceleration) {
  const quiet = movingAverage(
    acceleration.map((value) => (Math.abs(value) < STILL_ACCELERATION ? 0 : 1)),
    STILL_S,
  );
  return quiet.map((share) => share === 0);
}

// The phone's height over time, in metres, give or take a slow drift.
function heightTrace(samples) {
  const up = resampled(samples);
  const mean = up.reduce((sum, value) => sum + value, 0) / up.length;
  const acceleration = movingAverage(
    movingAverage(
      up.map((value) => value - mean),
      SMOOTHING_S,
    ),
    SMOOTHING_S,
  );
  const still = stillness(acceleration);
  const speed = integrate(acceleration);
  const drift = movingAverage(speed, DRIFT_WINDOW_S);
  return integrate(speed.map((value, i) => (still[i] ? 0 : value - drift[i])));
}

// Each rise of the height from a low to the next high; hysteresis keeps noise from splitting one in two.
function rises(height, hysteresis) {
  const found = [];
  let [low, high, rising] = [height[0], height[0], false];
  for (const h of height) {
    if (rising) {
      if (h > high) high = h;
      else if (high - h > hysteresis) {
        found.push(high - low);
        [rising, low] = [false, h];
      }
    } else if (h < low) {
      low = h;
    } else if (h - low > hysteresis) {
      [rising, high] = [true, h];
    }
  }
  // A rise still under way when the time is up is measured from its low to where the height ends.
  return { found, unfinished: Math.max(0, height[height.length - 1] - low) };
}

// samples: [{t: milliseconds, x, y, z: accelerationIncludingGravity, lx, ly, lz: acceleration}] in m/s²,
// from "Go" to "Stop". Returns {stands, rises (metres)} or null when there is too little to count.
export function countStands(samples) {
  if (samples.length < 2 || samples[samples.length - 1].t - samples[0].t < MIN_SECONDS * 1000) return null;
  const { found, unfinished } = rises(heightTrace(samples), NOISE_FLOOR_M / 2);
  const all = [...found, unfinished].filter((rise) => rise >= NOISE_FLOOR_M).sort((a, b) => b - a);
  if (!all.length) return { stands: 0, rises: found };
  // The person's usual rise: the upper quarter of their rises, so a few half stands do not lower the bar.
  const usual = all[Math.floor(all.length / 4)];
  const stands = found.filter((rise) => rise >= Math.max(NOISE_FLOOR_M, FULL_SHARE * usual)).length;
  const lastCounts = unfinished >= Math.max(NOISE_FLOOR_M, LAST_SHARE * usual);
  return { stands: stands + (lastCounts ? 1 : 0), rises: found };
}
