package com.appgain.common.api.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall with its header checks written as loops. Its regular
 * expressions ran over every header value a filter read, the 680-character token several
 * times per request. The same characters are refused: in names, unassigned code points
 * and controls; in values, the same but tab.
 */
final class ApiFirewall {

	private ApiFirewall() {
	}

	static StrictServerWebExchangeFirewall create() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames((name) -> allowed(name, false));
		firewall.setAllowedHeaderValues((value) -> allowed(value, true));
		return firewall;
	}

	static boolean allowed(String text, boolean tab) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length();) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, no control
				i++;
				continue;
			}
			int codePoint = text.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
