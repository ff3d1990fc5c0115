package dev.fusebox.console.view;

import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.console.viewmodel.EnsembleConnectViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Asks which fleet to watch: a saved profile, or the ZooKeeper ensemble's address, the fleet's root
 * and the digest login, and the fleet's ACL ids (as its instances are configured: the nodes this
 * console writes get them; none for an open demo fleet), and optionally the Prometheus server that
 * scrapes the fleet (for the table's rates). The password is asked for every time and never saved. Connect stays
 * disabled until the form is complete, and a line under the form says what is missing. The controls
 * bind to an {@link EnsembleConnectViewModel}.
 *
 * <p>Thread-safety: FX thread only (it builds and shows scene-graph nodes); stateless itself.
 */
final class EnsembleConnectDialog {

    private EnsembleConnectDialog() {
    }

    static Dialog<ButtonType> show(Window owner, EnsembleConnectViewModel form) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a fleet");
        dialog.setHeaderText("The ZooKeeper ensemble where a fleet's Fusebox instances register");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        ComboBox<EnsembleProfile> profiles = new ComboBox<>(form.savedProfiles());
        profiles.setPromptText(form.savedProfiles().isEmpty() ? "no saved profiles" : "saved profiles");
        profiles.setConverter(new StringConverter<>() {
            @Override
            public String toString(EnsembleProfile p) {
                return EnsembleConnectViewModel.describe(p);
            }

            @Override
            public EnsembleProfile fromString(String s) {
                return null;
            }
        });
        profiles.valueProperty().addListener((o, was, now) -> form.fill(now));
        TextField name = field("fleetName", "name of this profile (default user@address/root)");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField address = field("fleetAddress", "host:port[,host:port...]");
        address.textProperty().bindBidirectional(form.addressProperty());
        TextField root = field("fleetRoot", "/fusebox");
        root.textProperty().bindBidirectional(form.rootProperty());
        TextField user = field("fleetUser", "digest user (empty: anonymous, reads at most)");
        user.textProperty().bindBidirectional(form.userProperty());
        PasswordField password = new PasswordField();
        password.setId("fleetPassword");
        password.textProperty().bindBidirectional(form.passwordProperty());
        TextField operators = field("fleetOperatorIds", "empty: an open fleet (demo); else digest:ops:<hash>,...");
        operators.textProperty().bindBidirectional(form.operatorIdsProperty());
        TextField instances = field("fleetInstanceIds", "the instances' ids (fusebox.fleet.acl.instances)");
        instances.textProperty().bindBidirectional(form.instanceIdsProperty());
        TextField viewers = field("fleetViewerIds", "the viewers' ids (may be empty)");
        viewers.textProperty().bindBidirectional(form.viewerIdsProperty());
        TextField prometheus = field("fleetPrometheus", "optional: http://prometheus:9090, for calls/s and rejected/s");
        prometheus.textProperty().bindBidirectional(form.prometheusProperty());
        CheckBox save = new CheckBox("save this profile (never the password)");
        save.selectedProperty().bindBidirectional(form.saveProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, new Label("Profile"), profiles);
        grid.addRow(row++, new Label("Name"), name);
        grid.addRow(row++, new Label("Ensemble"), address);
        grid.addRow(row++, new Label("Fleet root"), root);
        grid.addRow(row++, new Label("User"), user);
        grid.addRow(row++, new Label("Password"), password);
        grid.addRow(row++, new Label("ACL: operators"), operators);
        grid.addRow(row++, new Label("ACL: instances"), instances);
        grid.addRow(row++, new Label("ACL: viewers"), viewers);
        grid.addRow(row++, new Label("Prometheus"), prometheus);
        grid.addRow(row++, new Label(""), save);
        Label missing = new Label();
        missing.setId("fleetMissing");
        missing.textProperty().bind(form.missingProperty());
        // a long reason wraps under the fields (the dialog grows) instead of widening it or being cut
        missing.setWrapText(true);
        missing.setMaxWidth(380);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        missing.textProperty().addListener((o, was, now) -> {
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        grid.addRow(row, new Label(""), missing);
        dialog.getDialogPane().setContent(grid);

        Button ok = (Button) dialog.getDialogPane().lookupButton(connect);
        ok.setId("fleetConnectButton");
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

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(28);
        return f;
    }
}
