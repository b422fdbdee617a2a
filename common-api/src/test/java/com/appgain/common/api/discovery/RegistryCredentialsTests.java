package com.appgain.common.api.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class RegistryCredentialsTests {

	private final RegistryCredentialsEnvironmentPostProcessor credentials = new RegistryCredentialsEnvironmentPostProcessor();

	@Test
	void everyRegistryUrlCarriesTheCredentials() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL,
					"http://registry-0:8761/eureka/, http://registry-1:8761/eureka/")
			.withProperty("REGISTRY_PASSWORD", "s3cret/+:@");
		this.credentials.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL)).isEqualTo(
				"http://appgain:s3cret%2F%2B%3A%40@registry-0:8761/eureka/,http://appgain:s3cret%2F%2B%3A%40@registry-1:8761/eureka/");
	}

	@Test
	void theUserCanBeChosen() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL, "http://localhost:8761/eureka/")
			.withProperty("REGISTRY_USER", "ops")
			.withProperty("REGISTRY_PASSWORD", "pw");
		this.credentials.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL))
			.isEqualTo("http://ops:pw@localhost:8761/eureka/");
	}

	@Test
	void aClientThatIsOffNeedsNoPassword() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL, "http://localhost:8761/eureka/")
			.withProperty("eureka.client.enabled", "false");
		this.credentials.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(RegistryCredentialsEnvironmentPostProcessor.SERVICE_URL))
			.isEqualTo("http://localhost:8761/eureka/");
	}

	@Test
	void aServiceWithoutThePasswordStopsWithOneClearMessage(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(MissingRegistryCredentials.class).isThrownBy(
				() -> application.run("--eureka.client.enabled=true", "--EUREKA_URL=http://127.0.0.1:1/eureka/"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(MissingRegistryCredentials.MESSAGE)
			.contains("Set REGISTRY_PASSWORD");
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
