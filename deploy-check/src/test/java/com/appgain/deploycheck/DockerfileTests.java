package com.appgain.deploycheck;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root Dockerfile, read as text (no Docker engine here to build it): pinned base
 * images, the layered extraction, a non-root user, container-aware JVM flags, the CDS
 * option and an exec-form entry point; and a .dockerignore that keeps build output and
 * secrets out of the context.
 */
class DockerfileTests {

	private final String dockerfile = Yamls.read(DeployFiles.repo().resolve("Dockerfile"));

	private List<String> instructions(String keyword) {
		return this.dockerfile.lines().filter((line) -> line.startsWith(keyword + " ")).toList();
	}

	@Test
	void basesArePinned() {
		List<String> froms = instructions("FROM");
		assertThat(froms).hasSize(2);
		assertThat(froms.get(0)).startsWith("FROM maven:3.9").contains("eclipse-temurin-17").endsWith(" AS build");
		assertThat(froms.get(1)).startsWith("FROM eclipse-temurin:17.").contains("-jre").endsWith(" AS runtime");
		assertThat(froms).allSatisfy((from) -> assertThat(Modules.imageProblem(from.split("\\s+")[1])).isNull());
	}

	@Test
	void buildsOneModuleAndExtractsItsLayers() {
		assertThat(instructions("ARG")).contains("ARG MODULE=gateway", "ARG CDS=true");
		assertThat(this.dockerfile).contains("-pl \"$MODULE\" -am -DskipTests")
			.contains("java -Djarmode=tools -jar /application.jar extract --layers");
		assertThat(instructions("COPY").stream().filter((copy) -> copy.contains("--from=build")))
			.extracting((copy) -> copy.split("\\s+")[2])
			.containsExactly("/layers/dependencies/", "/layers/spring-boot-loader/", "/layers/snapshot-dependencies/",
					"/layers/application/");
	}

	@Test
	void runsAsNonRootWithContainerAwareHeapAndGracefulShutdown() {
		assertThat(instructions("USER")).containsExactly("USER 10001:10001");
		assertThat(this.dockerfile).contains("useradd --uid 10001")
			.contains("-XX:MaxRAMPercentage=75")
			.contains("-XX:+ExitOnOutOfMemoryError")
			.contains("-XX:ArchiveClassesAtExit=application.jsa")
			.contains("-Dspring.context.exit=onRefresh")
			.contains("install -y --no-install-recommends curl");
		assertThat(instructions("ENTRYPOINT"))
			.containsExactly("ENTRYPOINT [\"java\", \"@jvm.args\", \"-jar\", \"application.jar\"]");
	}

	@Test
	void contextLeavesOutBuildOutputSecretsAndLocalData() {
		List<String> ignored = Yamls.read(DeployFiles.repo().resolve(".dockerignore")).lines().toList();
		assertThat(ignored).contains("**/target/", "data/", "logs/", ".git/", ".env", "deploy/");
	}

}
