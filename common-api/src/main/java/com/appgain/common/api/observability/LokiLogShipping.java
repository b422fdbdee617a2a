package com.appgain.common.api.observability;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.github.loki4j.logback.JsonLayout;
import com.github.loki4j.logback.Loki4jAppender;
import com.github.loki4j.logback.PipelineConfigAppenderBase;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Pushes every log event to Loki (as JSON, labelled with the service name) in batches
 * from loki4j's own thread; attached only when {@code LOKI_URL} is set.
 */
public class LokiLogShipping implements DisposableBean {

	private final Loki4jAppender appender = new Loki4jAppender();

	public LokiLogShipping(String url, String serviceName) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		PipelineConfigAppenderBase.HttpCfg http = new PipelineConfigAppenderBase.HttpCfg();
		http.setUrl(url.endsWith("/push") ? url : url.replaceAll("/$", "") + "/loki/api/v1/push");
		JsonLayout layout = new JsonLayout();
		layout.setContext(context);
		layout.start();
		this.appender.setContext(context);
		this.appender.setName("LOKI");
		this.appender.setHttp(http);
		this.appender.setLabels("service=" + serviceName + "\nlevel=%level");
		this.appender.setMessage(layout);
		this.appender.start();
		context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(this.appender);
	}

	@Override
	public void destroy() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this.appender);
		this.appender.stop();
	}

}
