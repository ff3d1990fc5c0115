package dev.fusebox.samples.chaos;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Reads a response body only to see whether a fallback answered it: the web shop marks such answers
 * with {@code "fallback":true}. Keeps at most {@value #MAX_BYTES} bytes of a body and discards the
 * rest, so a large answer costs nothing. One per response; the HTTP client calls it in order.
 */
final class FallbackMarker implements Flow.Subscriber<List<ByteBuffer>> {

    static final int MAX_BYTES = 16 * 1024;
    private static final String MARK = "\"fallback\":true";

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    /** A body handler that answers whether the body holds the fallback mark. */
    static HttpResponse.BodyHandler<Boolean> handler() {
        return info -> {
            FallbackMarker marker = new FallbackMarker();
            return HttpResponse.BodySubscribers.fromSubscriber(marker, FallbackMarker::marked);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int room = MAX_BYTES - kept.size();
            int take = Math.min(room, buffer.remaining());
            if (take > 0) {
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        // the response future fails with it; nothing is kept
    }

    @Override
    public void onComplete() {
        // marked() reads what was kept
    }

    private boolean marked() {
        return kept.toString(StandardCharsets.UTF_8).replace(" ", "").contains(MARK);
    }
}
