package com.appgain.examples.example;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.response.Pagination;

/**
 * The success envelopes of {@code /api/examples}, typed so that the OpenAPI description
 * is derived from what the handlers actually return; their {@code status} is
 * {@link ApiResponse}'s.
 */
final class ExampleResponses {

	private static final String SUCCESS = ApiResponse.SUCCESS;

	private ExampleResponses() {
	}

	@Schema(name = "ExampleList")
	record ExampleList(List<ExampleJson> examples, Pagination pagination,
			@Schema(allowableValues = SUCCESS) String status) {

		static ExampleList of(List<ExampleJson> examples, Pagination pagination) {
			return new ExampleList(examples, pagination, SUCCESS);
		}

	}

	@Schema(name = "ExampleEnvelope")
	record One(ExampleJson example, @Schema(allowableValues = SUCCESS) String status) {

		static One of(ExampleJson example) {
			return new One(example, SUCCESS);
		}

	}

	@Schema(name = "ExampleSaved")
	record Saved(String message, ExampleJson example, @Schema(allowableValues = SUCCESS) String status) {

		static Saved created(ExampleJson example) {
			return new Saved("Example created successfully", example, SUCCESS);
		}

		static Saved updated(ExampleJson example) {
			return new Saved("Example updated successfully", example, SUCCESS);
		}

	}

	@Schema(name = "ExampleDeleted")
	record Deleted(String message, @Schema(allowableValues = SUCCESS) String status) {

		static Deleted of() {
			return new Deleted("Example deleted successfully", SUCCESS);
		}

	}

}
