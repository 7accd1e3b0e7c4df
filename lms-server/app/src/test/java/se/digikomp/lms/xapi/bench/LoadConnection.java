package se.digikomp.lms.xapi.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection of the load driver, like a connection of wrk or ab: it writes a request and
 * reads the response (Content-Length or chunked) on a plain socket. The benchmark's client shares the two cores
 * with the server and the database, so it must cost little; java.net.http cost about as much CPU per request as
 * the server itself. Not thread-safe: one per client thread.
 */
final class LoadConnection implements Closeable {

    /** A response: status and body. */
    record Response(int status, String body) {
    }

    private final URI base;
    private final String authorization;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoadConnection(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    Response get(String pathAndQuery) throws IOException {
        return send("GET", pathAndQuery, null);
    }

    Response post(String path, String json) throws IOException {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    private Response send(String method, String pathAndQuery, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\nAuthorization: ").append(authorization)
                .append("\r\nX-Experience-API-Version: 2.0.0\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        for (int attempt = 1; ; attempt++) {
            boolean fresh = socket == null;
            try {
                if (fresh) {
                    connect();
                }
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                // a kept-alive connection the server closed meanwhile is opened again, once
                if (fresh || attempt > 1) {
                    throw e;
                }
            }
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private Response read() throws IOException {
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                closing = true;
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                content.write(in.readNBytes(size));
                line();
            }
            for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (length >= 0) {
            content.write(in.readNBytes((int) length));
        }
        if (closing) {
            close();
        }
        return new Response(code, content.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                int end = s.length();
                return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
            }
            s.append((char) b);
        }
        if (s.length() == 0) {
            throw new IOException("the server closed the connection");
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
    }
}
