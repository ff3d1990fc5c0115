package dev.fusebox.samples.chaos.model;

/**
 * The load an experiment runs under: {@code ratePerSecond} requests a second at a fixed pace (open
 * loop: a request is sent when it is due, whether or not earlier ones have been answered), first
 * for {@code warmupSeconds} that are not recorded, then for {@code seconds} that are. Immutable.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the request's path and query on the shop, starting with {@code /}
 * @param ratePerSecond requests per second, at least 1
 * @param warmupSeconds seconds sent before recording starts
 * @param seconds recorded seconds, at least 1
 */
public record Load(String method, String path, int ratePerSecond, int warmupSeconds, int seconds) {

    public Load {
        if (ratePerSecond < 1 || warmupSeconds < 0 || seconds < 1 || !path.startsWith("/")) {
            throw new IllegalArgumentException("not a load: " + method + " " + path + " at " + ratePerSecond + "/s, "
                    + warmupSeconds + " s warm-up, " + seconds + " s");
        }
    }
}
