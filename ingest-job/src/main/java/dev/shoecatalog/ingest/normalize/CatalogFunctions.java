package dev.shoecatalog.ingest.normalize;

import java.util.List;

import dev.shoecatalog.model.Colors;
import dev.shoecatalog.model.Keys;
import dev.shoecatalog.model.ProductIds;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

import static org.apache.spark.sql.functions.udf;

/**
 * The shared model's rules as Spark functions, so that the job normalizes colors, brands and ids
 * exactly as the query service does. Color functions take all of a product's color cells joined
 * with {@code ,}, which splits the same way as the cells themselves.
 */
public final class CatalogFunctions {

    public static final UserDefinedFunction PRODUCT_ID =
            udf((UDF2<String, String, String>) ProductIds::of, DataTypes.StringType);

    public static final UserDefinedFunction NORMALIZED_KEY =
            udf((UDF1<String, String>) Keys::normalize, DataTypes.StringType);

    public static final UserDefinedFunction COLOR_KEYS =
            udf((UDF1<String, List<String>>) cells -> Colors.keys(List.of(nullToEmpty(cells))),
                    DataTypes.createArrayType(DataTypes.StringType));

    public static final UserDefinedFunction DISPLAY_COLORS =
            udf((UDF1<String, List<String>>) cells -> Colors.display(List.of(nullToEmpty(cells))),
                    DataTypes.createArrayType(DataTypes.StringType));

    private CatalogFunctions() {
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
