package dev.fusebox.console.view;

import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.LocalJvm;
import dev.fusebox.console.viewmodel.ConnectViewModel;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
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
import javafx.scene.control.cell.TextFieldListCell;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks where to connect: a saved profile, or host, port, login, TLS and the login's role, or a local
 * JVM found through the Attach API (shown by application, address and pid). The password is asked
 * for every time and never saved. Connect stays disabled until the form is complete, and a line
 * under the form says what is missing. The controls bind to a {@link ConnectViewModel}, which holds
 * the form, its defaults and wording, and sends the request.
 *
 * <p>Thread-safety: FX thread only (it builds and shows scene-graph nodes); stateless itself.
 */
final class ConnectDialog {

    private ConnectDialog() {
    }

    static Dialog<ButtonType> show(Window owner, ConnectViewModel form) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a JVM");
        dialog.setHeaderText("JMX connector of a Fusebox application (RMI registry host and port)");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        ComboBox<ConnectionProfile> profiles = new ComboBox<>(form.savedProfiles());
        profiles.setPromptText(form.savedProfiles().isEmpty() ? "no saved profiles" : "saved profiles");
        profiles.setConverter(converter(ConnectViewModel::describe));
        profiles.valueProperty().addListener((o, was, now) -> form.fill(now));
        TextField name = field("connectName", "name shown in the console (default host:port)");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField host = field("connectHost", "host");
        host.textProperty().bindBidirectional(form.hostProperty());
        TextField port = field("connectPort", "port");
        port.textProperty().bindBidirectional(form.portProperty());
        TextField user = field("connectUser", "user");
        user.textProperty().bindBidirectional(form.userProperty());
        TextField url = field("connectUrl", "or a full service:jmx:... URL (local JVMs)");
        url.textProperty().bindBidirectional(form.serviceUrlProperty());
        PasswordField password = new PasswordField();
        password.setId("connectPassword");
        password.textProperty().bindBidirectional(form.passwordProperty());
        CheckBox tls = new CheckBox("TLS (trust store: javax.net.ssl.trustStore)");
        tls.selectedProperty().bindBidirectional(form.tlsProperty());
        ChoiceBox<Permission.Role> role = new ChoiceBox<>();
        role.setId("connectRole");
        role.getItems().setAll(Permission.Role.values());
        role.setConverter(converter(ConnectViewModel::describe));
        role.valueProperty().bindBidirectional(form.roleProperty());
        CheckBox save = new CheckBox("save this profile (never the password)");
        save.selectedProperty().bindBidirectional(form.saveProperty());

        ListView<LocalJvm> local = new ListView<>(form.localJvms());
        local.setId("localJvms");
        local.setCellFactory(TextFieldListCell.forListView(converter(ConnectViewModel::describe)));
        local.setPrefHeight(90);
        local.placeholderProperty().bind(Bindings.createObjectBinding(
                () -> new Label(form.localJvmsNoteProperty().get()), form.localJvmsNoteProperty()));
        local.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> form.fill(
                now == null ? null : now.profile()));
        Button find = new Button("Find local JVMs");
        find.setId("findLocalJvms");
        find.setDisable(!form.discoveryAvailable());
        if (form.discoveryAvailable()) {
            find.disableProperty().bind(form.discoveringProperty());
        }
        find.setOnAction(e -> form.findLocalJvms());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Profile"), profiles);
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("Host"), host);
        grid.addRow(row++, new Label("Port"), port);
        grid.addRow(row++, new Label("User"), user);
        grid.addRow(row++, new Label("Password"), password);
        grid.addRow(row++, new Label("Role of this login"), role);
        grid.addRow(row++, new Label(""), tls);
        grid.addRow(row++, new Label("Service URL"), url);
        grid.addRow(row++, find, local);
        grid.addRow(row++, new Label(""), save);
        // why Connect is disabled, while it is
        Label missing = new Label();
        missing.setId("connectMissing");
        missing.textProperty().bind(form.missingProperty());
        grid.addRow(row, new Label(""), missing);
        dialog.getDialogPane().setContent(grid);

        Button ok = (Button) dialog.getDialogPane().lookupButton(connect);
        ok.setId("connectButton");
        ok.disableProperty().bind(form.readyProperty().not());
        dialog.setResultConverter(button -> button);
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == connect) {
                form.connect();
            }
        });
        dialog.show();
        return dialog;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }
}
