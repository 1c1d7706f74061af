package vn.motcua.kiosk;

import java.util.List;
import vn.motcua.kiosk.procedures.Procedure;
import vn.motcua.kiosk.procedures.ProcedureCatalog;
import vn.motcua.kiosk.procedures.ProcedureSearch;

/** The catalog and search index in use, swapped whole when a new config brings other procedures. */
final class ProcedureBook {
    private record Books(List<Procedure> source, ProcedureCatalog catalog, ProcedureSearch search) {
    }

    private volatile Books books = new Books(List.of(), ProcedureCatalog.empty(), new ProcedureSearch(ProcedureCatalog.empty()));

    /** Indexes these procedures, unless they are the ones already indexed. */
    void use(List<Procedure> procedures) {
        if (procedures.equals(books.source())) {
            return;
        }
        ProcedureCatalog catalog = ProcedureCatalog.of(procedures);
        books = new Books(procedures, catalog, new ProcedureSearch(catalog));
    }

    ProcedureCatalog catalog() {
        return books.catalog();
    }

    ProcedureSearch search() {
        return books.search();
    }
}
