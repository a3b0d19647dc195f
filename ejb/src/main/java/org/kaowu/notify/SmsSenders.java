package org.kaowu.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Chooses the SMS sender once, from MicroProfile Config {@code kaowu.sms.provider}: {@code dev} (the default:
 * record only) or {@code http} (the gateway of {@link HttpSmsSender}). An unknown provider or a missing
 * gateway setting is a configuration error and fails loudly when the application starts (the dispatcher asks
 * for the provider's name then), instead of silently not sending codes.
 */
@ApplicationScoped
public class SmsSenders {

    public static final String PROVIDER = "kaowu.sms.provider";
    public static final String HTTP_URL = "kaowu.sms.http.url";
    public static final String HTTP_KEY = "kaowu.sms.http.key";
    public static final String HTTP_TEMPLATE = "kaowu.sms.http.template";

    private static final Logger LOG = Logger.getLogger(SmsSenders.class.getName());

    @Inject
    private Config config;

    private SmsSender active;
    private String providerName;

    @PostConstruct
    void choose() {
        Function<String, Optional<String>> settings = name -> config.getOptionalValue(name, String.class);
        providerName = providerName(settings);
        active = create(providerName, settings);
        LOG.info(() -> "SMS provider: " + providerName);
    }

    /** The sender in use; one shared instance (the HTTP sender keeps its connection pool). */
    @Produces
    public SmsSender active() {
        return active;
    }

    public String providerName() {
        return providerName;
    }

    static String providerName(Function<String, Optional<String>> settings) {
        return settings.apply(PROVIDER).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).orElse(DevSmsSender.PROVIDER);
    }

    /** The sender for a provider name, reading the gateway's settings where it needs them. */
    static SmsSender create(String provider, Function<String, Optional<String>> settings) {
        switch (provider) {
            case DevSmsSender.PROVIDER:
                return new DevSmsSender();
            case HttpSmsSender.PROVIDER:
                List<String> missing = new ArrayList<>();
                String url = required(settings, HTTP_URL, missing);
                String key = required(settings, HTTP_KEY, missing);
                String template = required(settings, HTTP_TEMPLATE, missing);
                if (!missing.isEmpty()) {
                    throw new IllegalStateException(PROVIDER + "=http needs " + String.join(", ", missing));
                }
                return new HttpSmsSender(URI.create(url), key, template);
            default:
                throw new IllegalStateException(PROVIDER + " must be dev or http, not '" + provider + "'");
        }
    }

    private static String required(Function<String, Optional<String>> settings, String name, List<String> missing) {
        Optional<String> value = settings.apply(name).map(String::strip).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            missing.add(name);
        }
        return value.orElse(null);
    }
}
