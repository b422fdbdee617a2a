package com.appgain.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges the outcomes of a campaign against the contract (no 5xx, every 4xx the envelope
 * with the HTTP status as {@code status_code}, an answer within 5 s, the statuses a probe
 * allows) and counts them per status and per kind.
 */
final class CampaignReport {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final long SLOWEST_MILLIS = 5_000;

	private final List<Outcome> outcomes;

	private final String attackerId;

	private final List<String> violations = new ArrayList<>();

	CampaignReport(List<Outcome> outcomes, String attackerId) {
		this.outcomes = outcomes;
		this.attackerId = attackerId;
		outcomes.forEach(this::judge);
	}

	List<String> violations() {
		return this.violations.subList(0, Math.min(40, this.violations.size()));
	}

	private void judge(Outcome outcome) {
		HostileRequests.Probe probe = outcome.probe();
		if (outcome.responses().isEmpty()) {
			violate(probe, "no answer: " + outcome.failure());
			return;
		}
		if (outcome.firstByteMillis() > SLOWEST_MILLIS) {
			violate(probe, "answered after " + outcome.firstByteMillis() + " ms");
		}
		int first = outcome.status();
		if (!probe.allowed().isEmpty() && !probe.allowed().contains(first) && first != 429) {
			violate(probe, "status " + first + " not in " + probe.allowed() + ": " + outcome.responses().get(0).body());
		}
		for (RawHttp.Response response : outcome.responses()) {
			judge(probe, response);
		}
	}

	private void judge(HostileRequests.Probe probe, RawHttp.Response response) {
		int status = response.status();
		if (status >= 500) {
			violate(probe, "server error " + status + ": " + response.body());
		}
		else if (status >= 400 && !probe.description().startsWith("HEAD ")) {
			String problem = envelopeProblem(response);
			if (problem != null) {
				violate(probe, status + " without the envelope (" + problem + "): " + response.head() + "\n"
						+ response.body());
			}
		}
		else if (status == 200 && probe.description().startsWith("GET /api/users/me")) {
			String seen = json.readTree(response.body()).path("user").path("id").asString();
			if (!this.attackerId.equals(seen)) {
				violate(probe, "the caller's own profile was not the one answered: " + seen);
			}
		}
	}

	private static String envelopeProblem(RawHttp.Response response) {
		String type = response.header("Content-Type");
		if (type == null || !type.startsWith("application/json")) {
			return "content type " + type;
		}
		JsonNode body;
		try {
			body = json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			return "not JSON";
		}
		if (!"failed".equals(body.path("status").asString()) || body.path("status_code").asInt() != response.status()
				|| body.path("error").asString().isEmpty() || body.path("request_id").asString().isEmpty()) {
			return "fields";
		}
		return null;
	}

	private void violate(HostileRequests.Probe probe, String what) {
		String line = "[" + probe.kind() + "] " + probe.description() + " -> " + what;
		this.violations.add((line.length() > 600) ? line.substring(0, 600) + "..." : line);
	}

	/** Every marker an accepted request carried, in its body, path or headers. */
	Set<String> markersOfAcceptedRequests(Pattern marker) {
		Set<String> markers = new HashSet<>();
		for (Outcome outcome : this.outcomes) {
			if (outcome.accepted()) {
				Matcher matcher = marker.matcher(new String(outcome.probe().raw(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					markers.add(matcher.group());
				}
			}
		}
		return markers;
	}

	/**
	 * The marker in the body of each accepted control, the one it stores; not the markers
	 * of its other parts, such as an {@code Idempotency-Key}, which nothing stores.
	 */
	Set<String> markersOfControls() {
		Set<String> markers = new HashSet<>();
		for (Outcome outcome : this.outcomes) {
			if (outcome.accepted() && outcome.probe().kind().startsWith("control")) {
				markers.add(outcome.probe().marker());
			}
		}
		return markers;
	}

	void print(long seed, Duration took) {
		Map<String, Integer> perStatus = new TreeMap<>();
		Map<String, Map<String, Integer>> perKind = new TreeMap<>();
		long slowest = 0;
		for (Outcome outcome : this.outcomes) {
			String status = (outcome.status() == 0) ? "none" : String.valueOf(outcome.status());
			perStatus.merge(status, 1, Integer::sum);
			perKind.computeIfAbsent(outcome.probe().kind(), (kind) -> new TreeMap<>()).merge(status, 1, Integer::sum);
			slowest = Math.max(slowest, outcome.firstByteMillis());
		}
		StringBuilder out = new StringBuilder("\nHostile-input campaign: ").append(this.outcomes.size())
			.append(" requests, seed ")
			.append(seed)
			.append(", ")
			.append(took.toMillis())
			.append(" ms, slowest first byte ")
			.append(slowest)
			.append(" ms, ")
			.append(this.violations.size())
			.append(" violations\nper status: ")
			.append(perStatus)
			.append("\nper kind:\n");
		perKind.forEach((kind, statuses) -> out.append(String.format("  %-28s %s%n", kind, statuses)));
		out.append("slowest first bytes:\n");
		this.outcomes.stream()
			.sorted(Comparator.comparingLong(Outcome::firstByteMillis).reversed())
			.limit(5)
			.forEach((outcome) -> out.append(String.format("  %5d ms %s %s%n", outcome.firstByteMillis(),
					outcome.status(), outcome.probe().description())));
		this.violations().forEach((violation) -> out.append("  ! ").append(violation).append('\n'));
		System.out.println(out);
	}

}
