// The 30-second chair stand, run so that it can be done as the CDC STEADI protocol asks: arms crossed over the
// chest, so nothing is tapped during it. The phone speaks and vibrates the cues (go, 10 seconds left, stop)
// where it can, keeps its screen awake, and afterwards asks for the count; where it reports its motion, it
// offers the stands it counted (js/standcounter.js) for the person to confirm. docs/chair_stand.md.
import { countStands } from "./standcounter.js";

const GET_READY_S = 10;
const TEST_S = 30;
const CUES = [
  { at: 0, say: "Get ready. Put the phone in a trouser pocket or hold it flat against your chest, and cross your arms.", show: "Get ready" },
  { at: GET_READY_S - 3, say: "3, 2, 1", show: "Get ready" },
  { at: GET_READY_S, say: "Go!", show: "Go! Stand up and sit down", buzz: [400] },
  { at: GET_READY_S + TEST_S - 10, say: "10 seconds left", show: "10 seconds left", buzz: [200, 100, 200] },
  { at: GET_READY_S + TEST_S, say: "Stop. Sit down and rest.", show: "Stop. Sit down and rest.", buzz: [800] },
];

function say(text) {
  if (!("speechSynthesis" in window)) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}

const buzz = (pattern) => navigator.vibrate?.(pattern);

// Motion needs permission on iOS, asked for from the tap that starts the test.
async function motionAllowed() {
  if (!("DeviceMotionEvent" in window)) return false;
  if (typeof DeviceMotionEvent.requestPermission !== "function") return true;
  return (await DeviceMotionEvent.requestPermission().catch(() => "denied")) === "granted";
}

export function setUpChairTest(section, input) {
  const $ = (selector) => section.querySelector(selector);
  const [start, cancel, timer, cue] = [$("[data-chair-start]"), $("[data-chair-cancel]"), $("[data-chair-timer]"), $("[data-chair-cue]")];
  const [suggestion, suggestionText, useCount] = [$("[data-chair-suggestion]"), $("[data-chair-suggestion-text]"), $("[data-chair-use]")];
  let run = null;

  $("[data-chair-senses]").textContent =
    "speechSynthesis" in window
      ? "The phone says when to start, when 10 seconds are left and when to stop" +
        ("vibrate" in navigator ? ", and vibrates each time." : ".")
      : "This phone cannot speak the cues: keep the screen where you can see it, or ask someone to read it out.";

  const onMotion = (event) => {
    const [withGravity, linear] = [event.accelerationIncludingGravity, event.acceleration];
    if (!run?.recording || withGravity?.x == null || linear?.x == null) return;
    run.samples.push({ t: performance.now(), x: withGravity.x, y: withGravity.y, z: withGravity.z, lx: linear.x, ly: linear.y, lz: linear.z });
  };

  async function keepAwake() {
    if (run && document.visibilityState === "visible") run.wakeLock = await navigator.wakeLock?.request("screen").catch(() => null);
  }

  function stop() {
    clearInterval(run.tick);
    window.removeEventListener("devicemotion", onMotion);
    document.removeEventListener("visibilitychange", keepAwake);
    run.wakeLock?.release().catch(() => {});
    start.hidden = false;
    cancel.hidden = true;
    const samples = run.samples;
    run = null;
    return samples;
  }

  function finish() {
    const counted = countStands(stop());
    timer.textContent = "Time is up";
    start.textContent = "Do the test again";
    start.classList.replace("primary", "secondary");
    if (counted && counted.stands > 0) {
      suggestionText.textContent = `The phone counted ${counted.stands} stands. If that matches what you counted, use it; if not, type your own number.`;
      useCount.textContent = `Yes, enter ${counted.stands}`;
      useCount.dataset.count = counted.stands;
      useCount.hidden = false;
    } else {
      suggestionText.textContent = counted
        ? "The phone did not notice any stands. Please type the number you counted."
        : "This phone did not report its movement, so it could not count. Please type the number you counted.";
      useCount.hidden = true;
    }
    suggestion.hidden = false;
    input.focus();
  }

  function tick() {
    const elapsed = (Date.now() - run.started) / 1000;
    for (const step of CUES.filter((c) => c.at <= elapsed && !run.done.has(c))) {
      run.done.add(step);
      say(step.say);
      if (step.buzz) buzz(step.buzz);
      cue.textContent = step.show;
      if (step.at === GET_READY_S) run.recording = true;
    }
    if (elapsed >= GET_READY_S + TEST_S) return finish();
    timer.textContent =
      elapsed < GET_READY_S ? String(Math.ceil(GET_READY_S - elapsed)) : String(Math.ceil(GET_READY_S + TEST_S - elapsed));
  }

  start.addEventListener("click", async () => {
    if (run) return;
    run = { started: Date.now(), done: new Set(), samples: [], recording: false, wakeLock: null };
    window.speechSynthesis?.cancel();
    tick();
    start.hidden = true;
    cancel.hidden = false;
    suggestion.hidden = true;
    document.addEventListener("visibilitychange", keepAwake);
    run.tick = setInterval(tick, 200);
    const [allowed] = await Promise.all([motionAllowed(), keepAwake()]);
    if (allowed && run) window.addEventListener("devicemotion", onMotion);
  });

  cancel.addEventListener("click", () => {
    stop();
    window.speechSynthesis?.cancel();
    buzz(0);
    timer.textContent = `${TEST_S} seconds`;
    cue.textContent = "Stopped. Rest, and try again another time if you like.";
  });

  useCount.addEventListener("click", () => {
    input.value = useCount.dataset.count;
    suggestionText.textContent = `${useCount.dataset.count} stands entered. It is saved with the rest when you save the day.`;
    useCount.hidden = true;
  });
}
