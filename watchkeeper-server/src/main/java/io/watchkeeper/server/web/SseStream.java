package io.watchkeeper.server.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * {@code GET /api/events/stream}: Server-Sent Events from an {@link EventHub}, filtered by {@code type} and
 * {@code vessel}. The request's own thread is the client's sender: it drains the client's queue and writes,
 * and a comment every {@value #KEEP_ALIVE_MILLIS} ms keeps proxies from closing a quiet stream. Javalin's own
 * SSE support is not used because it hands clients to an unbounded executor and has no per-client queue.
 */
final class SseStream implements Handler {

    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** Frames written before a flush, so a burst goes out in few packets. */
    private static final int BATCH = 64;
    private static final byte[] HELLO = ": watchkeeper live events\nretry: 5000\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final EventHub hub;

    SseStream(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String type = QueryParams.text(ctx, "type");
        String vessel = QueryParams.text(ctx, "vessel");
        // Closing the connection's end point fails a write that a slow client has blocked; it does not block.
        EndPoint endPoint = Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint();
        Subscriber subscriber = hub.subscribe(type, vessel, endPoint::close);
        if (subscriber == null) {
            throw new ApiException(503, "too many live-stream clients (at most " + EventHub.MAX_CLIENTS + ")");
        }
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            out.write(HELLO);
            out.flush();
            send(subscriber, out);
        } catch (IOException e) {
            // the client went away, or the hub disconnected it: nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unsubscribe(subscriber);
        }
    }

    private static void send(Subscriber subscriber, OutputStream out) throws IOException, InterruptedException {
        while (true) {
            byte[] frame = subscriber.poll(KEEP_ALIVE_MILLIS);
            if (frame == Subscriber.END) {
                return;
            }
            if (frame == null) {
                out.write(KEEP_ALIVE);
            } else {
                out.write(frame);
                for (int i = 1; i < BATCH; i++) {
                    byte[] next = subscriber.pollNow();
                    if (next == null) {
                        break;
                    }
                    if (next == Subscriber.END) {
                        out.flush();
                        return;
                    }
                    out.write(next);
                }
            }
            out.flush();
        }
    }
}
