package dev.fusebox.console.view;

import dev.fusebox.console.connect.ConnectionProfile;
import dev.fusebox.console.connect.LocalJvmDiscovery;
import dev.fusebox.console.feed.Permission;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks where to connect: a saved profile, or host, port, login, TLS and the login's role, or a local
 * JVM found through the Attach API. The password is asked for every time and never saved.
 */
final class ConnectDialog {

    /** What the operator asked for. */
    record Request(ConnectionProfile profile, char[] password, boolean save) {
    }

    private ConnectDialog() {
    }

    static Dialog<ButtonType> show(Window owner, List<ConnectionProfile> saved, ConnectionProfile prefill,
                                   Supplier<CompletableFuture<List<LocalJvmDiscovery.LocalJvm>>> discover,
                                   Executor ui, Consumer<Request> onConnect) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a JVM");
        dialog.setHeaderText("JMX connector of a Fusebox application (RMI registry host and port)");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        ComboBox<ConnectionProfile> profiles = new ComboBox<>();
        profiles.getItems().setAll(saved);
        profiles.setPromptText(saved.isEmpty() ? "no saved profiles" : "saved profiles");
        profiles.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConnectionProfile p) {
                return p == null ? "" : p.name() + " (" + p.user() + "@" + p.address() + ")";
            }

            @Override
            public ConnectionProfile fromString(String s) {
                return null;
            }
        });
        TextField name = field("connectName", "name shown in the console (default host:port)");
        TextField host = field("connectHost", "host");
        TextField port = field("connectPort", "port");
        TextField user = field("connectUser", "user");
        TextField url = field("connectUrl", "or a full service:jmx:... URL (local JVMs)");
        PasswordField password = new PasswordField();
        password.setId("connectPassword");
        CheckBox tls = new CheckBox("TLS (trust store: javax.net.ssl.trustStore)");
        ChoiceBox<Permission.Role> role = new ChoiceBox<>();
        role.getItems().setAll(Permission.Role.values());
        role.setValue(Permission.Role.UNKNOWN);
        CheckBox save = new CheckBox("save this profile (never the password)");
        save.setSelected(true);

        Consumer<ConnectionProfile> fill = p -> {
            if (p == null) {
                return;
            }
            name.setText(p.name());
            host.setText(p.host());
            port.setText(p.port() == 0 ? "" : Integer.toString(p.port()));
            user.setText(p.user());
            url.setText(p.serviceUrl());
            tls.setSelected(p.tls());
            role.setValue(p.declaredRole());
        };
        fill.accept(prefill);
        profiles.valueProperty().addListener((o, was, now) -> fill.accept(now));

        ListView<LocalJvmDiscovery.LocalJvm> local = new ListView<>();
        local.setPrefHeight(90);
        local.setPlaceholder(new Label(LocalJvmDiscovery.available() ? "press \"Find local JVMs\""
                : "the Attach API (jdk.attach) is not available in this runtime"));
        local.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> fill.accept(
                now == null ? null : now.profile()));
        Button find = new Button("Find local JVMs");
        find.setDisable(!LocalJvmDiscovery.available());
        find.setOnAction(e -> {
            find.setDisable(true);
            local.setPlaceholder(new Label("looking ..."));
            discover.get().whenComplete((list, error) -> ui.execute(() -> {
                find.setDisable(false);
                local.getItems().setAll(list == null ? List.of() : list);
                local.setPlaceholder(new Label(error != null ? "discovery failed: " + error
                        : "no local JVM with a Fusebox or local JMX connector"));
            }));
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Profile"), profiles);
        form.addRow(row++, new Label("Name"), name);
        form.addRow(row++, new Label("Host"), host);
        form.addRow(row++, new Label("Port"), port);
        form.addRow(row++, new Label("User"), user);
        form.addRow(row++, new Label("Password"), password);
        form.addRow(row++, new Label("Role of this login"), role);
        form.addRow(row++, new Label(""), tls);
        form.addRow(row++, new Label("Service URL"), url);
        form.addRow(row++, find, local);
        form.addRow(row, new Label(""), save);
        dialog.getDialogPane().setContent(form);

        Button ok = (Button) dialog.getDialogPane().lookupButton(connect);
        ok.setId("connectButton");
        ok.disableProperty().bind(url.textProperty().isEmpty()
                .and(host.textProperty().isEmpty().or(port.textProperty().isEmpty())));
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() != connect) {
                return;
            }
            int p;
            try {
                p = port.getText().isBlank() ? 0 : Integer.parseInt(port.getText().strip());
            } catch (NumberFormatException ex) {
                p = 0;
            }
            String display = !name.getText().isBlank() ? name.getText().strip()
                    : !url.getText().isBlank() ? url.getText().strip() : host.getText().strip() + ":" + p;
            onConnect.accept(new Request(new ConnectionProfile(display, host.getText().strip(), p,
                    user.getText().strip(), tls.isSelected(), role.getValue(), url.getText().strip()),
                    password.getText().toCharArray(), save.isSelected()));
        });
        dialog.show();
        return dialog;
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
