package com.appgain.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.appgain.devstack.stripe.FakeStripe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric that a Grafana panel or an alert rule queries is one that the running
 * services export: the suite is started, driven once through the paths whose meters are
 * registered on first use (a routed call through a breaker, a payment and its webhook),
 * and each process's {@code /actuator/prometheus} is scraped.
 */
class DashboardMetricsSystemTests {

	private static final Path OBSERVABILITY = Platform.ROOT.resolve("deploy/observability");

	/** A metric name followed by its label matchers or a range: {@code name{...}}. */
	private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

	/** A name matcher: {@code {__name__=~"appgain_.*_total"}}. */
	private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=~?\\s*\"([^\"]+)\"");

	/** Written by Prometheus itself for every target, not by a service. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final FakeStripe stripe = FakeStripe.start();

	private static Platform platform;

	@BeforeAll
	static void startAndDriveThePlatform() throws Exception {
		// assigned first, so that @AfterAll stops whatever started if a start fails
		platform = new Platform(DashboardMetricsSystemTests.class);
		platform.startSuite(stripe, Map.of());
		payAndDeliverTheWebhook();
	}

	@AfterAll
	static void stopThePlatform() throws Exception {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void everyMetricTheDashboardQueriesIsExported() throws Exception {
		Set<String> exported = scrapeAll();
		Set<String> queried = new TreeSet<>();
		Set<String> nameMatchers = new TreeSet<>();
		collectQueries(json.readTree(Files.readString(OBSERVABILITY.resolve("grafana/dashboards/appgain.json"))),
				queried, nameMatchers);
		assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
		assertQueriedAreExported(queried, nameMatchers, exported);
	}

	@Test
	void everyMetricTheAlertRulesQueryIsExported() throws Exception {
		Set<String> exported = scrapeAll();
		Set<String> queried = new TreeSet<>();
		Set<String> nameMatchers = new TreeSet<>();
		for (String line : Files.readAllLines(OBSERVABILITY.resolve("alerts.yml"))) {
			String trimmed = line.trim();
			// expressions only: the annotations' templates ({{ $labels.x }}) are not
			// PromQL
			if (!trimmed.startsWith("summary:") && !trimmed.startsWith("description:")) {
				collect(trimmed, queried, nameMatchers);
			}
		}
		assertThat(queried).as("metrics the alert rules query").isNotEmpty();
		assertQueriedAreExported(queried, nameMatchers, exported);
	}

	private static void assertQueriedAreExported(Set<String> queried, Set<String> nameMatchers, Set<String> exported) {
		Set<String> missing = new TreeSet<>(queried);
		missing.removeAll(exported);
		missing.removeAll(PROMETHEUS_OWN);
		assertThat(missing).as("queried but exported by no service (exported: %s)", exported).isEmpty();
		for (String matcher : nameMatchers) {
			assertThat(exported).as("a metric matching %s", matcher).anyMatch((name) -> name.matches(matcher));
		}
	}

	private static void collectQueries(JsonNode node, Set<String> queried, Set<String> nameMatchers) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if (("expr".equals(entry.getKey()) || "definition".equals(entry.getKey()))
						&& entry.getValue().isString() && !isLoki(node)) {
					collect(entry.getValue().asString(), queried, nameMatchers);
				}
				else {
					collectQueries(entry.getValue(), queried, nameMatchers);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectQueries(element, queried, nameMatchers));
		}
	}

	private static boolean isLoki(JsonNode target) {
		return "loki".equals(target.path("datasource").path("type").asString(""));
	}

	private static void collect(String query, Set<String> queried, Set<String> nameMatchers) {
		Matcher label = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(query);
		while (label.find()) {
			queried.add(label.group(1));
		}
		Matcher selector = SELECTOR.matcher(query.replaceAll("\"[^\"]*\"", "\"\""));
		while (selector.find()) {
			queried.add(selector.group(1));
		}
		Matcher names = NAME_MATCHER.matcher(query);
		while (names.find()) {
			nameMatchers.add(names.group(1));
		}
	}

	private static Set<String> scrapeAll() throws Exception {
		Map<String, Set<String>> byProcess = new TreeMap<>();
		for (Map.Entry<String, String> process : platform.metricsUrls.entrySet()) {
			HttpResponse<String> scrape = platform.send(HttpRequest.newBuilder(URI.create(process.getValue())));
			assertThat(scrape.statusCode()).as("scrape of %s", process.getKey()).isEqualTo(200);
			Set<String> names = new TreeSet<>();
			scrape.body()
				.lines()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.forEach((line) -> names.add(line.split("[{ ]", 2)[0]));
			byProcess.put(process.getKey(), names);
		}
		assertThat(byProcess).containsOnlyKeys("registry", "users", "examples", "payments", "gateway");
		Set<String> all = new TreeSet<>();
		byProcess.values().forEach(all::addAll);
		return all;
	}

	/** A payment created and settled by a signed webhook: the payment meters exist. */
	private static void payAndDeliverTheWebhook() throws Exception {
		String email = "metrics@example.com";
		send("/api/users", "{\"email\": \"" + email + "\", \"password\": \"long-enough-pw\", \"name\": \"M\"}", null);
		HttpResponse<String> login = send("/api/users/auth/login",
				"{\"email\": \"" + email + "\", \"password\": \"long-enough-pw\"}", null);
		assertThat(login.statusCode()).isEqualTo(200);
		String token = json.readTree(login.body()).path("access_token").asString();
		HttpResponse<String> created = platform.send(platform.request("/api/payments")
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "dashboard-metrics-1")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"amount\": 1200, \"currency\": \"usd\", \"description\": \"Metrics\"}")));
		assertThat(created.statusCode()).isEqualTo(201);
		String intent = json.readTree(created.body()).path("payment").path("stripe_payment_intent_id").asString();
		String event = FakeStripe.event("payment_intent.succeeded", stripe.succeed(intent));
		HttpResponse<String> delivered = platform.send(platform.request("/api/payments/webhooks/stripe")
			.header("Content-Type", "application/json")
			.header("Stripe-Signature", FakeStripe.signature(event))
			.POST(HttpRequest.BodyPublishers.ofString(event)));
		assertThat(delivered.statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> send(String path, String body, String token) throws Exception {
		HttpRequest.Builder request = platform.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return platform.send(request);
	}

}
