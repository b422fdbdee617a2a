package ${package}.${featurePackage};

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.appgain.common.api.response.ApiResponse;
import com.appgain.common.api.response.Pagination;

/**
 * The success envelopes of {@code /api/${serviceName}}, typed so that the OpenAPI description is
 * derived from what the handlers actually return; their {@code status} is
 * {@link ApiResponse}'s.
 */
final class ${Entity}Responses {

	private static final String SUCCESS = ApiResponse.SUCCESS;

	private ${Entity}Responses() {
	}

	@Schema(name = "${Entity}List")
	record Listed(List<${Entity}Json> ${listVar}, Pagination pagination, @Schema(allowableValues = SUCCESS) String status) {

		static Listed of(List<${Entity}Json> found, Pagination pagination) {
			return new Listed(found, pagination, SUCCESS);
		}

	}

	@Schema(name = "${Entity}Envelope")
	record One(${Entity}Json ${entityVar}, @Schema(allowableValues = SUCCESS) String status) {

		static One of(${Entity}Json found) {
			return new One(found, SUCCESS);
		}

	}

	@Schema(name = "${Entity}Saved")
	record Saved(String message, ${Entity}Json ${entity}, @Schema(allowableValues = SUCCESS) String status) {

		static Saved created(${Entity}Json saved) {
			return new Saved("${entityLabel} created successfully", saved, SUCCESS);
		}

		static Saved updated(${Entity}Json saved) {
			return new Saved("${entityLabel} updated successfully", saved, SUCCESS);
		}

	}

	@Schema(name = "${Entity}Deleted")
	record Deleted(String message, @Schema(allowableValues = SUCCESS) String status) {

		static Deleted of() {
			return new Deleted("${entityLabel} deleted successfully", SUCCESS);
		}

	}

}
