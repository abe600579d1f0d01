package org.imagehub.delivery.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imagehub.platform.errors.ValidationException;
import org.imagehub.security.network.Cidr;

/**
 * Which URLs the hub may call (no server-side request forgery): https only in production, and never an address on
 * loopback, a private, shared or link-local network (the cloud metadata service is 169.254.169.254), multicast or
 * otherwise reserved, unless a configured exception covers it. Checked when a URL is registered, and again on every
 * connection after the name is resolved, so a name that later resolves elsewhere (DNS rebinding) is refused too.
 */
@ApplicationScoped
public class ReceiverAddressPolicy {
    /** Networks no receiver may be in, each with the rule it breaks. */
    private static final Map<Cidr, String> FORBIDDEN = Map.ofEntries(
            Map.entry(Cidr.valueOf("0.0.0.0/8"), "unspecified"),
            Map.entry(Cidr.valueOf("10.0.0.0/8"), "private"),
            Map.entry(Cidr.valueOf("100.64.0.0/10"), "shared"),
            Map.entry(Cidr.valueOf("127.0.0.0/8"), "loopback"),
            Map.entry(Cidr.valueOf("169.254.0.0/16"), "link-local"),
            Map.entry(Cidr.valueOf("172.16.0.0/12"), "private"),
            Map.entry(Cidr.valueOf("192.0.0.0/24"), "reserved"),
            Map.entry(Cidr.valueOf("192.168.0.0/16"), "private"),
            Map.entry(Cidr.valueOf("198.18.0.0/15"), "reserved"),
            Map.entry(Cidr.valueOf("224.0.0.0/4"), "multicast"),
            Map.entry(Cidr.valueOf("240.0.0.0/4"), "reserved"),
            Map.entry(Cidr.valueOf("::/128"), "unspecified"),
            Map.entry(Cidr.valueOf("::1/128"), "loopback"),
            Map.entry(Cidr.valueOf("64:ff9b::/96"), "reserved"),
            Map.entry(Cidr.valueOf("fc00::/7"), "private"),
            Map.entry(Cidr.valueOf("fe80::/10"), "link-local"),
            Map.entry(Cidr.valueOf("ff00::/8"), "multicast"));

    private final boolean requireHttps;
    private final List<Cidr> exceptions;

    @jakarta.inject.Inject
    public ReceiverAddressPolicy(WebhookConfig config) {
        this(config.requireHttps(), config.allowedNetworks().orElse(List.of()));
    }

    ReceiverAddressPolicy(boolean requireHttps, List<String> allowedNetworks) {
        this.requireHttps = requireHttps;
        this.exceptions = allowedNetworks.stream().map(Cidr::valueOf).toList();
    }

    /** The URL as given, if a receiver may be registered at it; else 400 naming the rule (field {@code url}). */
    public URI checkRegistration(String url) {
        URI uri = parse(url);
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                brokenRule(address).ifPresent(rule -> {
                    throw refused(rule, uri.getHost() + " resolves to " + address.getHostAddress() + ", a " + rule + " address");
                });
            }
        } catch (UnknownHostException e) {
            throw refused("unresolvable", "the host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }

    /** The addresses the hub may connect to for {@code host}, at connect time; none allowed is an UnknownHostException. */
    public InetAddress[] connectableAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            Optional<String> rule = brokenRule(address);
            if (rule.isPresent()) {
                // One forbidden answer refuses the name: a rebinding attacker mixes good and bad addresses.
                throw new UnknownHostException(host + " resolves to a " + rule.get() + " address; receivers may not be there");
            }
        }
        return addresses;
    }

    /** The rule an address breaks, if any. */
    Optional<String> brokenRule(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (exceptions.stream().anyMatch(network -> network.contains(bytes))) {
            return Optional.empty();
        }
        return FORBIDDEN.entrySet().stream().filter(entry -> entry.getKey().contains(bytes)).map(Map.Entry::getValue).findFirst();
    }

    private URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("invalid", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw refused("https-required", requireHttps ? "must be an https URL" : "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("invalid", "needs a host, and no user information or fragment");
        }
        return uri;
    }

    private static ValidationException refused(String code, String message) {
        return ValidationException.of("url", code, message);
    }
}
