package com.appgain.common.api.json;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * Boot's {@link JsonMapper.Builder}, with its customizers, on a factory that keeps one
 * set of Jackson's I/O buffers per thread.
 * <p>
 * Jackson 3's default pool loses a buffer set on every response Spring's encoder writes:
 * the encoder's {@code ByteArrayBuilder} takes a {@code BufferRecycler} from the pool and
 * never hands it back, so each write allocates about 19 KB of fresh buffers (600 bytes
 * with this pool; {@code JsonBufferRecyclingTests}). That was 14% of all allocation in
 * example-service under load. The thread-local pool was Jackson 2's default; the services
 * run on a fixed set of platform threads.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass({ JsonMapper.class, JacksonAutoConfiguration.class })
public final class JsonBufferRecyclingAutoConfiguration {

	@Bean
	@Scope("prototype")
	@ConditionalOnMissingBean
	JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper.builder(recyclingFactory());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	private static JsonFactory recyclingFactory() {
		return JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build();
	}

}
