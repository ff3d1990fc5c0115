package dev.fusebox.samples.web;

import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import io.smallrye.config.PropertiesConfigSource;
import jakarta.enterprise.inject.spi.BeanManager;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import javax.management.remote.JMXServiceURL;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.weld.environment.servlet.Listener;
import org.jboss.weld.environment.servlet.WeldServletLifecycle;

/**
 * The shop's servlet container, set up in code as a user would (docs/runtimes.md follows it step by
 * step): an embedded Jetty 12 (ee10) on loopback, Weld Servlet booted by its listener when the
 * context starts (and shut down when it stops, which stops Fusebox's threads), and RESTEasy's
 * servlet serving {@link ShopApplication}, whose resources RESTEasy gets from Weld.
 *
 * <p>The context has a class loader of its own, for which a MicroProfile Config is registered
 * (the given settings, the operator overrides file, then the usual sources), so two shops in one JVM
 * (the tests) read their own settings: Jetty makes it the context class loader while the context
 * starts and while it serves a request, which is when Weld, Fusebox and the Rest Client read Config.
 * Not thread-safe: start and close from one thread.
 */
final class ShopServer implements AutoCloseable {

    /** Below the overrides file (500), so operators' changes win over the shop's settings. */
    private static final int SETTINGS_ORDINAL = 400;

    private final Server server;
    private final ServletContextHandler context;
    private final Config config;
    private final URI url;

    private ShopServer(Server server, ServletContextHandler context, Config config, URI url) {
        this.server = server;
        this.context = context;
        this.config = config;
        this.url = url;
    }

    /**
     * Starts the shop on {@code 127.0.0.1:port} (0: a free port).
     *
     * @param settings MicroProfile Config properties: the Rest Clients' URLs, Fusebox's settings
     * @param overridesFile the operator overrides file (forced states and parameter changes)
     */
    static ShopServer start(int port, Map<String, String> settings, Path overridesFile) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[0], ShopServer.class.getClassLoader());
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(settings, "web-shop-settings", SETTINGS_ORDINAL),
                        new OverridesConfigSource(overridesFile, OverridesConfigSource.DEFAULT_ORDINAL))
                .build();
        resolver.registerConfig(config, loader);

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.setClassLoader(loader);
        // boots Weld (and with it Fusebox's extension, found in its jar's META-INF/services) on start
        context.addEventListener(new Listener());
        ServletHolder rest = context.addServlet(HttpServlet30Dispatcher.class, "/*");
        rest.setInitParameter("jakarta.ws.rs.Application", ShopApplication.class.getName());
        rest.setInitOrder(1);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            resolver.releaseConfig(config);
            throw e;
        }
        return new ShopServer(server, context, config,
                URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /** The shop's base URL, e.g. {@code http://127.0.0.1:8080}. */
    URI url() {
        return url;
    }

    /** The remote JMX connector's address, or null when remote access is off. */
    JMXServiceURL jmxAddress() {
        BeanManager beans = (BeanManager) context.getServletContext()
                .getAttribute(WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME);
        return beans == null ? null : beans.getExtension(RemoteAccessExtension.class).remoteAddress();
    }

    /** Stops Jetty (Weld shuts down with the context, stopping Fusebox's threads) and waits for it. */
    @Override
    public void close() throws Exception {
        try {
            server.stop();
            server.join();
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
        }
    }
}
