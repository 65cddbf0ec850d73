package org.tomprotocol.cli.id;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tomprotocol.api.IdentityInfo;
import org.tomprotocol.api.Tom;
import org.tomprotocol.cli.output.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tom id}: creates or shows the node identity kept in a data directory. Prints the public key only. */
@Command(name = "id",
        mixinStandardHelpOptions = true,
        description = "Creates (if missing) and shows the node identity kept in a data directory. "
                + "Only the public node id is printed; the secret seed stays in its 0600 file.")
public final class IdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${user.home}/.tom",
            description = "Where the identity lives (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Override
    public Integer call() {
        IdentityInfo identity = Tom.identity(dataDir);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("node_id", identity.id().toHex());
            report.put("seed_file", identity.seedFile().toString());
            report.put("created", identity.created());
            Json.print(out, report);
        } else {
            out.println(identity.id().toHex());
            out.println((identity.created() ? "created " : "loaded ") + identity.seedFile());
        }
        out.flush();
        return 0;
    }
}
