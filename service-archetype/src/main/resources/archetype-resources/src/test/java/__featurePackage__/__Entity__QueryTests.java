#set( $d = '$' )
package ${package}.${featurePackage};

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.appgain.common.api.error.ApiException;
import com.appgain.common.api.error.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The query parameters of the list, without HTTP. */
class ${Entity}QueryTests {

	@Test
	void noParametersAreTheFirstPageOfEverything() {
		${Entity}Query query = ${Entity}Query.of(null, null, " ", "");

		assertThat(query.page().page()).isEqualTo(1);
		assertThat(query.status()).isNull();
		assertThat(query.search()).isNull();
	}

	@Test
	void theSearchIsQuotedSoItIsMatchedLiterally() {
		${Entity}Query query = ${Entity}Query.of("2", "10", "inactive", ".*");

		assertThat(query.status()).isEqualTo(${Entity}Status.INACTIVE);
		assertThat(query.filter().getQueryObject().toJson()).contains("\\\\Q.*\\\\E");
		assertThat(query.pageQuery().getSkip()).isEqualTo(10);
		assertThat(query.pageQuery().getLimit()).isEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "deleted", "ACTIVE", "{\"${d}ne\":null}" })
	void anUnknownStatusIsABadRequestNamingTheAcceptedOnes(String status) {
		ThrowingCallable query = () -> ${Entity}Query.of(null, null, status, null);

		assertThatExceptionOfType(ApiException.class).isThrownBy(query)
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ErrorType.BAD_REQUEST))
			.withMessage("Parameter 'status' must be one of active, inactive, archived");
	}

	@Test
	void aSearchLongerThanTheLimitIsABadRequest() {
		String search = "x".repeat(${Entity}Query.MAX_SEARCH_LENGTH + 1);
		ThrowingCallable query = () -> ${Entity}Query.of(null, null, null, search);

		assertThatExceptionOfType(ApiException.class).isThrownBy(query)
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ErrorType.BAD_REQUEST));
	}

}
