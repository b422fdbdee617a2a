package com.appgain.common.api.response;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code pagination} object of a list response. */
public record Pagination(int page, int limit, @JsonProperty("total_count") long totalCount,
		@JsonProperty("total_pages") long totalPages, @JsonProperty("has_next") boolean hasNext,
		@JsonProperty("has_prev") boolean hasPrev) {

	public static Pagination of(PageRequest request, long totalCount) {
		long totalPages = (totalCount + request.limit() - 1) / request.limit();
		return new Pagination(request.page(), request.limit(), totalCount, totalPages, request.page() < totalPages,
				request.page() > 1);
	}

}
