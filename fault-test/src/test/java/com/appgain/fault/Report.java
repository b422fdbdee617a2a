package com.appgain.fault;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.appgain.fault.SteadyLoad.Outcome;

/**
 * What a {@link SteadyLoad} saw: per-second success and p99, and the figures the
 * assertions need, each over a window of seconds since the load started.
 *
 * @param name what the load was
 * @param outcomes one per answered request
 * @param sent how many requests were sent (unanswered ones count as failed)
 * @param diagnosis what was seen when a request got stuck, empty when none did
 */
record Report(String name, List<Outcome> outcomes, int sent, String diagnosis) {

	void print() {
		System.out.printf("%n[%s] %d sent, %d answered%n", this.name, this.sent, this.outcomes.size());
		if (!this.diagnosis.isEmpty()) {
			System.out.printf("[%s] a request stuck %d s: %s%n", this.name, SteadyLoad.STUCK_SECONDS, this.diagnosis);
		}
		Map<Integer, List<Outcome>> bySecond = this.outcomes.stream()
			.collect(Collectors.groupingBy((outcome) -> (int) outcome.second(), TreeMap::new, Collectors.toList()));
		bySecond.forEach((second, outcomes) -> {
			Map<Integer, Long> statuses = outcomes.stream()
				.collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
			System.out.printf("[%s] t=%3ds sent=%3d ok=%5.1f%% p99=%5dms statuses=%s%n", this.name, second,
					outcomes.size(), 100.0 * outcomes.stream().filter(Outcome::succeeded).count() / outcomes.size(),
					p99(outcomes), statuses);
		});
	}

	List<Outcome> between(double from, double to) {
		return this.outcomes.stream().filter((outcome) -> outcome.second() >= from && outcome.second() < to).toList();
	}

	List<Outcome> failedBetween(double from, double to) {
		return between(from, to).stream().filter(Predicate.not(Outcome::succeeded)).toList();
	}

	double successRatio(double from, double to) {
		List<Outcome> window = between(from, to);
		return window.isEmpty() ? 0 : (double) window.stream().filter(Outcome::succeeded).count() / window.size();
	}

	long p99(double from, double to) {
		return p99(between(from, to));
	}

	/** Send time of the last failed request, or -1 when none failed. */
	double lastFailure() {
		return this.outcomes.stream()
			.filter(Predicate.not(Outcome::succeeded))
			.mapToDouble(Outcome::second)
			.max()
			.orElse(-1);
	}

	int unanswered() {
		return this.sent - this.outcomes.size();
	}

	/** The first few failures, and the diagnosis, for an assertion message. */
	String failures() {
		return this.outcomes.stream()
			.filter(Predicate.not(Outcome::succeeded))
			.sorted(Comparator.comparingDouble(Outcome::second))
			.limit(5)
			.map((outcome) -> String.format("t=%.1fs %d after %dms: %.160s", outcome.second(), outcome.status(),
					outcome.millis(), outcome.body()))
			.collect(Collectors.joining("; "))
				+ (this.diagnosis.isEmpty() ? "" : "; when a request was stuck: " + this.diagnosis);
	}

	private static long p99(List<Outcome> outcomes) {
		if (outcomes.isEmpty()) {
			return 0;
		}
		long[] millis = outcomes.stream().mapToLong(Outcome::millis).sorted().toArray();
		return millis[(int) Math.ceil(millis.length * 0.99) - 1];
	}

}
