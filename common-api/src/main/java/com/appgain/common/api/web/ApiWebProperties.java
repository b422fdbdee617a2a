package com.appgain.common.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Web defaults of every service.
 *
 * @param maxBodySize largest accepted request body (413 above it)
 */
@ConfigurationProperties("appgain.web")
public record ApiWebProperties(@DefaultValue("1MB") DataSize maxBodySize) {

}
