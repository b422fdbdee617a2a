package com.appgain.common.api.boot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationImportSelector;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through Boot's own selection: the class path's candidates, its filters, its exclusions.
 */
class UnusedAutoConfigurationsTests {

	private static final String BREAKERS = "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration";

	@Test
	void areLeftOutWhileTheBreakersStay() {
		List<String> imported = imports(new MockEnvironment());
		assertThat(imported).contains(BREAKERS).doesNotContainAnyElementsOf(UnusedAutoConfigurations.LEFT_OUT);
	}

	@Test
	void stayLeftOutWhenAServiceExcludesOthers() {
		List<String> imported = imports(new MockEnvironment().withProperty("spring.autoconfigure.exclude",
				"org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration"));
		assertThat(imported).contains(BREAKERS)
			.doesNotContain("org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration")
			.doesNotContainAnyElementsOf(UnusedAutoConfigurations.LEFT_OUT);
	}

	@Test
	void everyOneNamedIsOnTheClassPath() {
		assertThat(UnusedAutoConfigurations.LEFT_OUT)
			.allSatisfy((name) -> assertThat(Class.forName(name, false, getClass().getClassLoader())).isNotNull());
	}

	private static List<String> imports(MockEnvironment environment) {
		AutoConfigurationImportSelector selector = new AutoConfigurationImportSelector();
		selector.setBeanClassLoader(UnusedAutoConfigurationsTests.class.getClassLoader());
		selector.setResourceLoader(new DefaultResourceLoader());
		selector.setBeanFactory(new DefaultListableBeanFactory());
		selector.setEnvironment(environment);
		return List.of(selector.selectImports(AnnotationMetadata.introspect(Application.class)));
	}

	@EnableAutoConfiguration
	static class Application {

	}

}
