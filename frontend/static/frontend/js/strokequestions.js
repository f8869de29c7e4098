// The BE-FAST questions Today asks before saving a sharp drop in one leg or in both: when to ask (the rule and its sources
// are in tracker/stroke_questions.py, which hands its numbers to the page) and asking. The answers become
// symptoms of the day, so the red-flag check in redflags.js and on the server judges them like ticked boxes.

const dayNumber = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86400000;

function median(values) {
  const ordered = [...values].sort((a, b) => a - b);
  const mid = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[mid] : (ordered[mid - 1] + ordered[mid]) / 2;
}

// The leg that fell sharply on its own in `entry`, or both legs collapsing at once: {side: "left" | "right" |
// "both", against: "usual" | "other" | "low"}, or null. history: earlier days, each {date, strength_left,
// strength_right}; entries still in the outbox count too.
export function sharpDrop(rule, history, entry) {
  const day = dayNumber(entry.date);
  const recent = history.filter((d) => dayNumber(d.date) < day && dayNumber(d.date) >= day - rule.usual_level_days);
  const sides = [["left", "right"], ["right", "left"]];
  if (recent.length < rule.min_usual_level_logs) {
    for (const [weak, other] of sides) {
      if (entry[`strength_${weak}`] <= rule.new_diary_weak_at_most && entry[`strength_${other}`] >= rule.new_diary_other_at_least) {
        return { side: weak, against: "other" };
      }
    }
    const bothLow = entry.strength_left <= rule.new_diary_both_at_most && entry.strength_right <= rule.new_diary_both_at_most;
    return bothLow ? { side: "both", against: "low" } : null;
  }
  const drop = (side) => median(recent.map((d) => d[`strength_${side}`])) - entry[`strength_${side}`];
  for (const [weak, other] of sides) {
    if (drop(weak) >= rule.one_sided_drop && drop(other) < rule.other_leg_share * drop(weak)) {
      return { side: weak, against: "usual" };
    }
  }
  if (drop("left") >= rule.both_legs_drop && drop("right") >= rule.both_legs_drop) return { side: "both", against: "usual" };
  const fellLow = (side) => entry[`strength_${side}`] <= rule.both_legs_low_at_most && drop(side) >= rule.both_legs_low_drop;
  if (fellLow("left") && fellLow("right")) return { side: "both", against: "usual" };
  return null;
}

// Shows the questions about `change` (from sharpDrop). Resolves with the symptoms answered "yes" (none when
// every answer is "no"), or with null when the person goes back to change the entry.
export function askStrokeQuestions(sheet, change) {
  const questions = [...sheet.querySelectorAll("[data-symptom]")];
  const error = sheet.querySelector("[data-stroke-questions-error]");
  for (const input of sheet.querySelectorAll("input")) input.checked = false;
  for (const why of sheet.querySelectorAll("[data-why]")) why.hidden = why.dataset.why !== `${change.against}-${change.side}`;
  const legs = change.side === "both" ? "both" : "one";
  for (const intro of sheet.querySelectorAll("[data-intro]")) intro.hidden = intro.dataset.intro !== legs;
  error.hidden = true;
  const returnFocus = document.activeElement;
  sheet.hidden = false;
  sheet.scrollTop = 0;
  sheet.querySelector("h2").focus();

  return new Promise((resolve) => {
    const answerOf = (question) => question.querySelector("input:checked")?.value;
    const finish = (symptoms) => {
      sheet.hidden = true;
      sheet.removeEventListener("click", onClick);
      sheet.removeEventListener("keydown", onKey);
      returnFocus?.focus();
      resolve(symptoms);
    };
    const onClick = (event) => {
      if (event.target.closest("[data-stroke-questions-back]")) finish(null);
      if (!event.target.closest("[data-stroke-questions-done]")) return;
      const yes = questions.filter((q) => answerOf(q) === "yes").map((q) => q.dataset.symptom);
      // One "yes" is enough to act on; the rest can wait.
      const unanswered = questions.find((q) => answerOf(q) === undefined);
      if (!yes.length && unanswered) {
        error.hidden = false;
        unanswered.querySelector("input").focus();
        return;
      }
      finish([...new Set(yes)]);
    };
    const onKey = (event) => {
      if (event.key === "Escape") finish(null);
      if (event.key !== "Tab") return;
      // Keep focus inside the questions while they are shown.
      const focusable = [...sheet.querySelectorAll("input, button")];
      const [first, last] = [focusable[0], focusable[focusable.length - 1]];
      if (event.shiftKey && document.activeElement === first) {
        last.focus();
        event.preventDefault();
      } else if (!event.shiftKey && document.activeElement === last) {
        first.focus();
        event.preventDefault();
      }
    };
    sheet.addEventListener("click", onClick);
    sheet.addEventListener("keydown", onKey);
  });
}
