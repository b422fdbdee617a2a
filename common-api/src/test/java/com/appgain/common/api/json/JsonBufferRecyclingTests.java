package com.appgain.common.api.json;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBufferRecyclingTests {

	private static final Map<String, Object> EXAMPLE = Map.of("id", "6740a1b2c3d4e5f6a7b8c9d0", "name", "An example",
			"tags", List.of("a", "b"), "count", 12);

	private final ApplicationContextRunner contexts = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JsonBufferRecyclingAutoConfiguration.class, JacksonAutoConfiguration.class));

	@Test
	void theContextsMapperKeepsBuffersPerThreadAndBootsCustomizersStillApply() {
		this.contexts
			.withBean(JsonMapperBuilderCustomizer.class,
					() -> (builder) -> builder.enable(SerializationFeature.INDENT_OUTPUT))
			.withPropertyValues("spring.jackson.serialization.wrap-root-value=true")
			.run((context) -> {
				JsonMapper mapper = context.getBean(JsonMapper.class);
				assertThat(mapper.tokenStreamFactory()._getRecyclerPool())
					.isSameAs(JsonRecyclerPools.threadLocalPool());
				assertThat(mapper.isEnabled(SerializationFeature.INDENT_OUTPUT)).isTrue();
				assertThat(mapper.isEnabled(SerializationFeature.WRAP_ROOT_VALUE)).isTrue();
			});
	}

	@Test
	void springsEncoderAllocatesFreshBuffersForEveryResponseOnlyWithJacksonsDefaultPool() {
		this.contexts.run((context) -> {
			long recycling = bytesPerResponse(new JacksonJsonEncoder(context.getBean(JsonMapper.class)));
			long jacksonDefault = bytesPerResponse(new JacksonJsonEncoder(JsonMapper.builder().build()));
			assertThat(recycling).isLessThan(4_000);
			// if this fails, Jackson or Spring fixed the loss and the configuration can
			// go
			assertThat(jacksonDefault).isGreaterThan(10_000);
		});
	}

	private static long bytesPerResponse(JacksonJsonEncoder encoder) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		ResolvableType type = ResolvableType.forClass(Map.class);
		int responses = 2_000;
		for (int warm = 0; warm < responses; warm++) {
			DataBufferUtils.release(encoder.encodeValue(EXAMPLE, buffers, type, MediaType.APPLICATION_JSON, null));
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < responses; i++) {
			DataBufferUtils.release(encoder.encodeValue(EXAMPLE, buffers, type, MediaType.APPLICATION_JSON, null));
		}
		return (threads.getCurrentThreadAllocatedBytes() - before) / responses;
	}

}
