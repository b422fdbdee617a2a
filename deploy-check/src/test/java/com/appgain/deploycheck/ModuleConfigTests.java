package com.appgain.deploycheck;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the checks take for "the variables a module reads", from the modules' real
 * configuration; and the name and value rules for secrets.
 */
class ModuleConfigTests {

	private final Modules modules = DeployFiles.modules();

	@Test
	void findsNestedPlaceholdersAndTheirDefaults() {
		assertThat(Placeholders.find("${EUREKA_HOSTNAME:${HOSTNAME:localhost}}")).containsExactly(
				new Placeholders.Placeholder("EUREKA_HOSTNAME", true, "${HOSTNAME:localhost}"),
				new Placeholders.Placeholder("HOSTNAME", true, "localhost"));
		assertThat(Placeholders.find("http://${eureka.instance.hostname}:${PORT}/x"))
			.extracting(Placeholders.Placeholder::name, Placeholders.Placeholder::hasDefault)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("eureka.instance.hostname", false),
					org.assertj.core.groups.Tuple.tuple("PORT", false));
		assertThat(Placeholders.find("${REDIS_URL:redis://localhost:6379}").get(0).defaultValue())
			.isEqualTo("redis://localhost:6379");
	}

	@Test
	void registryReadsItsPeerSettingsAndNeedsThePeersOnlyInThePeerProfile() {
		ModuleConfig registry = this.modules.config("registry");
		assertThat(registry.variables()).contains("PORT", "EUREKA_HOSTNAME", "EUREKA_PEERS")
			.doesNotContain("SENTRY_DSN", "MONGODB_URI");
		assertThat(registry.usesCommonApi()).isFalse();
		assertThat(registry.port()).isEqualTo(8761);
		assertThat(this.modules.needed("registry", List.of())).isEmpty();
		assertThat(this.modules.needed("registry", List.of("peer"))).containsExactly("EUREKA_PEERS");
	}

	@Test
	void servicesReadCommonApisVariablesToo() {
		for (String module : List.of("gateway", "users-service", "example-service")) {
			ModuleConfig config = this.modules.config(module);
			assertThat(config.usesCommonApi()).as(module).isTrue();
			assertThat(config.variables()).as(module)
				.contains("REDIS_URL", "EUREKA_URL", "SENTRY_DSN", "LOKI_URL", "LOG_FORMAT", "JWT_ISSUER",
						"JWT_AUDIENCE");
		}
		assertThat(this.modules.config("users-service").variables()).contains("MONGODB_URI", "JWT_SIGNING_KEY",
				"ADMIN_PASSWORD", "DATA_DIR");
		assertThat(this.modules.needed("users-service", List.of())).contains("MONGODB_URI", "REDIS_URL", "EUREKA_URL");
		assertThat(this.modules.secrets("users-service")).contains("JWT_SIGNING_KEY", "ADMIN_PASSWORD", "SENTRY_DSN");
		assertThat(this.modules.config("gateway").reads("MONGODB_URI")).isFalse();
	}

	@Test
	void everyDeployableModuleHasAPort() {
		assertThat(this.modules.deployable())
			.allSatisfy((module) -> assertThat(this.modules.config(module).port()).as(module).isNotNull().isPositive());
	}

	@Test
	void secretNamesAndValues() {
		assertThat(List.of("JWT_SIGNING_KEY", "ADMIN_PASSWORD", "STRIPE_WEBHOOK_SECRET", "SENTRY_DSN", "API_TOKEN"))
			.allSatisfy((name) -> assertThat(EnvNames.isSecretLike(name)).as(name).isTrue());
		assertThat(List.of("JWT_KEY_ID", "PASSWORD_HASH_ITERATIONS", "JWT_ACCESS_TOKEN_TTL",
				"GATEWAY_RATE_LIMIT_REQUESTED_TOKENS", "MONGODB_URI", "LOKI_URL"))
			.allSatisfy((name) -> assertThat(EnvNames.isSecretLike(name)).as(name).isFalse());
		assertThat(EnvNames.hasUrlPassword("mongodb://app:s3cret@mongo:27017/users")).isTrue();
		assertThat(EnvNames.hasUrlPassword("redis://:s3cret@redis:6379")).isTrue();
		assertThat(EnvNames.hasUrlPassword("redis://redis:6379")).isFalse();
		assertThat(EnvNames.hasUrlPassword("mongodb://app:${MONGO_PASSWORD}@mongo/users")).isFalse();
		assertThat(EnvNames.isPlaceholder("")).isTrue();
		assertThat(EnvNames.isPlaceholder("change-me")).isTrue();
		assertThat(EnvNames.isPlaceholder("sk_live_123")).isFalse();
	}

	@Test
	void imageTags() {
		assertThat(Modules.imageProblem("ghcr.io/appgain/gateway:0.1.0")).isNull();
		assertThat(Modules.imageProblem("mongo@sha256:0123")).isNull();
		assertThat(Modules.imageProblem("localhost:5000/gateway")).contains("has no tag");
		assertThat(Modules.imageProblem("gateway:latest")).contains("no fixed tag");
		assertThat(Modules.moduleOfImage("ghcr.io/appgain/users-service:0.1.0")).isEqualTo("users-service");
		assertThat(Modules.moduleOfImage("mongo:7.0.16")).isNull();
	}

}
