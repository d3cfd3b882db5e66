// Apache Jena's remote clients against a diplograph server (tests/server/test_clients.py).
// Usage: java -cp JENA_CLASSPATH JenaClient.java BASE_URL GRAPH_IRI
// Prints one line per operation: "<operation> <what came back>".
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;

public class JenaClient {
    static final String P = "PREFIX dg: <https://diplograph.org/ontology#> ";

    public static void main(String[] args) {
        String base = args[0];
        String graph = args[1];
        // QueryExecutionHTTP: Jena's SPARQL protocol client, with its default Accept headers
        try (QueryExecution qe = QueryExecutionHTTP.service(base + "/sparql")
                .query(P + "SELECT ?s WHERE { ?s a dg:State } ORDER BY ?s").build()) {
            ResultSet rs = qe.execSelect();
            StringBuilder sb = new StringBuilder("select");
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                sb.append(' ').append(row.getResource("s").getURI());
            }
            System.out.println(sb);
        }
        try (QueryExecution qe = QueryExecutionHTTP.service(base + "/sparql")
                .query("ASK { ?s ?p ?o }").build()) {
            System.out.println("ask " + qe.execAsk());
        }
        try (QueryExecution qe = QueryExecutionHTTP.service(base + "/sparql")
                .query(P + "CONSTRUCT WHERE { ?s a dg:State }").build()) {
            System.out.println("construct " + qe.execConstruct().size());
        }
        try (QueryExecution qe = QueryExecutionHTTP.service(base + "/sparql")
                .query("DESCRIBE <https://diplograph.org/id/state/MNG>").build()) {
            System.out.println("describe " + qe.execDescribe().size());
        }
        // RDFConnection: queries by POST, and the Graph Store Protocol (GET of one graph)
        try (RDFConnection conn = RDFConnectionRemote.newBuilder().destination(base)
                .queryEndpoint("sparql").gspEndpoint("store").build()) {
            Query q = QueryFactory.create(P + "SELECT (COUNT(*) AS ?n) WHERE { ?s a dg:State }");
            conn.querySelect(q, row -> System.out.println("connection-select "
                    + row.getLiteral("n").getInt()));
            Model m = conn.fetch(graph);
            System.out.println("fetch " + m.size());
        }
    }
}
