package com.appgain.common.api.error;

import com.mongodb.MongoTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.RedisConnectionFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTests {

	@Test
	void dataStoreOutagesAreServiceUnavailableNotServerErrors() {
		assertThat(ErrorMapper.toApiException(new DataAccessResourceFailureException("down")).type())
			.isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(ErrorMapper.toApiException(new RedisConnectionFailureException("down")).type())
			.isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
		assertThat(ErrorMapper.toApiException(new IllegalStateException(new MongoTimeoutException("no server"))).type())
			.isEqualTo(ErrorType.SERVICE_UNAVAILABLE);
	}

	@Test
	void unknownFailuresStayServerErrorsWithoutTheirMessage() {
		ApiException mapped = ErrorMapper.toApiException(new IllegalArgumentException("secret detail"));
		assertThat(mapped.type()).isEqualTo(ErrorType.SERVER_ERROR);
		assertThat(mapped.getMessage()).isEqualTo("Internal server error");
	}

}
