package com.appgain.common.api.validation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code pattern} in every schema of every module, run by the schema library itself
 * against megabyte strings built to make a backtracking engine go quadratic or
 * exponential. A regression guard, not a benchmark: a linear pattern needs milliseconds.
 */
class SchemaPatternsTests {

	private static final int MEGABYTE = 1 << 20;

	private static final Duration FAR_BELOW_A_SECOND = Duration.ofMillis(250);

	private static final String ALPHABET = "a@. 0-";

	private final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	@Test
	void everySchemaPatternInTheTreeRunsInLinearTime() throws IOException {
		List<String> patterns = patternsInTree();
		assertThat(patterns).as("patterns found in the modules' schemas").isNotEmpty();
		List<String> inputs = pathologicalInputs();
		for (String pattern : patterns) {
			Schema schema = this.registry.getSchema(this.json
				.readTree("{\"type\": \"string\", \"pattern\": " + this.json.writeValueAsString(pattern) + "}"));
			schema.validate(JsonNodeFactory.instance.stringNode("warm-up"));
			for (String input : inputs) {
				JsonNode node = JsonNodeFactory.instance.stringNode(input);
				Duration took = fastestOfTwo(schema, node);
				assertThat(took).as("pattern %s on %s", pattern, describe(input)).isLessThan(FAR_BELOW_A_SECOND);
			}
		}
	}

	@Test
	void theRegistrationEmailPatternStillTellsAnEmailFromJunk() throws IOException {
		String email = patternsIn(schemaFile("users-service", "users/register.json")).get(0);
		Schema schema = this.registry
			.getSchema(this.json.readTree("{\"pattern\": " + this.json.writeValueAsString(email) + "}"));
		for (String good : List.of("ada@example.com", " a.b+c@mail.example.org ", "x@y.z")) {
			assertThat(schema.validate(JsonNodeFactory.instance.stringNode(good))).as(good).isEmpty();
		}
		for (String bad : List.of("not-an-email", "a@b", "a@b@c.d", "a b@c.d", "a@.b", "a@b.", "@b.c")) {
			assertThat(schema.validate(JsonNodeFactory.instance.stringNode(bad))).as(bad).isNotEmpty();
		}
	}

	// CPU time of this thread, the faster of two runs: on a shared, busy machine wall
	// time mostly measures the wait for a core, while a quadratic pattern would need
	// hours of CPU
	private static Duration fastestOfTwo(Schema schema, JsonNode node) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long fastest = Long.MAX_VALUE;
		for (int run = 0; run < 2; run++) {
			long started = threads.getCurrentThreadCpuTime();
			schema.validate(node);
			fastest = Math.min(fastest, threads.getCurrentThreadCpuTime() - started);
		}
		return Duration.ofNanos(fastest);
	}

	/** Long runs of one character, near-misses and alternations, each about 1 MB. */
	private static List<String> pathologicalInputs() {
		List<String> inputs = new ArrayList<>();
		inputs.add("a@" + ".".repeat(MEGABYTE) + "@");
		inputs.add("a@" + "a.".repeat(MEGABYTE / 2) + "@");
		inputs.add(" ".repeat(MEGABYTE / 2) + "a@" + "b".repeat(MEGABYTE / 2) + " x");
		for (char c : ALPHABET.toCharArray()) {
			inputs.add(String.valueOf(c).repeat(MEGABYTE));
			inputs.add(String.valueOf(c).repeat(MEGABYTE) + "\u0000");
			for (char d : ALPHABET.toCharArray()) {
				if (c < d) {
					inputs.add((String.valueOf(c) + d).repeat(MEGABYTE / 2) + "!");
				}
			}
		}
		return inputs;
	}

	private List<String> patternsInTree() throws IOException {
		List<String> patterns = new ArrayList<>();
		for (Path file : schemaFiles()) {
			patterns.addAll(patternsIn(file));
		}
		return patterns;
	}

	private List<String> patternsIn(Path file) throws IOException {
		List<String> patterns = new ArrayList<>();
		this.json.readTree(file.toFile()).findValues("pattern").forEach((node) -> patterns.add(node.asString()));
		return patterns;
	}

	/** Every module's {@code src/main/resources/schemas}, from the project root. */
	private static List<Path> schemaFiles() throws IOException {
		List<Path> files = new ArrayList<>();
		try (Stream<Path> modules = Files.list(projectRoot())) {
			for (Path module : modules.toList()) {
				Path schemas = module.resolve("src/main/resources/schemas");
				if (Files.isDirectory(schemas)) {
					try (Stream<Path> found = Files.walk(schemas)) {
						found.filter((path) -> path.toString().endsWith(".json")).forEach(files::add);
					}
				}
			}
		}
		assertThat(files).as("schema files in the tree").contains(schemaFile("users-service", "users/register.json"));
		return files;
	}

	private static Path schemaFile(String module, String name) {
		return projectRoot().resolve(module).resolve("src/main/resources/schemas").resolve(name);
	}

	private static Path projectRoot() {
		Path here = Path.of("").toAbsolutePath();
		return Files.isDirectory(here.resolve("common-api")) ? here : here.getParent();
	}

	private static String describe(String input) {
		return input.length() + " chars starting " + input.substring(0, 8).replace("\u0000", "\\0");
	}

}
