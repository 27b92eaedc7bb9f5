package dev.shoecatalog.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Makes plausible products from a seeded random source; names are unique per brand. */
final class ProductFactory {

    private static final String[] BRANDS = {"Skechers", "Nike", "SOREL", "Easy Spirit", "Naturalizer", "City Classified",
            "Clarks", "Vans", "Dr. Martens", "Steve Madden", "UGG", "New Balance", "Propét", "Trotters", "Ellie Shoes"};
    private static final String[] STYLES = {"Ankle Booties", "Walking Shoe", "Slip-On Sneaker", "Pump", "Ballet Flat",
            "Wedge Sandal", "Riding Boot", "Loafer", "Mule", "Trail Runner", "Mary Jane", "Espadrille"};
    private static final String[] ADJECTIVES = {"Stylish", "Classic", "Comfort", "Go Walk", "Radiate", "Aria",
            "Heritage", "Cloud", "Daily", "Weekend", "Cozy", "Tempo"};
    /** Includes casings and separators of the real exports, and names that must not match "red". */
    private static final String[] COLORS = {"Black", "BLACK", "black", "White", "Taupe", "Navy", "Dark Wine Red", "RED",
            "Red", "Black/Red", "Black / Silver", "Grey Multi", "Tired", "Redwood", "Brown", "Cognac", "Blush Pink",
            "Bleu Clair/Crème", "Olive", "Silver", "Natural", "Burgundy", "Tan Suede", "Multi"};
    private static final List<String> BASE_CATEGORIES = List.of("Clothing", "Shoes", "Womens Shoes");
    private static final String[] EXTRA_CATEGORIES = {"All Womens Shoes", "Boots", "Sandals", "Sneakers", "Flats",
            "Heels", "Women's Shoes, Boots & Sandals"};
    private static final long FIRST_ADDED = 1_427_846_400L; // 2015-04-01T00:00:00Z
    private static final long ADDED_SPAN = 4L * 365 * 24 * 3600;

    private final Random random;

    ProductFactory(Random random) {
        this.random = random;
    }

    Product make(int index) {
        String brand = pick(BRANDS);
        String name = brand + " Women's " + pick(ADJECTIVES) + " " + pick(STYLES)
                + (random.nextInt(5) == 0 ? ", Wide Width" : "") + " Style " + (1000 + index);
        List<String> categories = new ArrayList<>(BASE_CATEGORIES);
        categories.add(pick(EXTRA_CATEGORIES));
        List<String> colors = new ArrayList<>();
        int colorCount = random.nextInt(10) == 0 ? 3 + random.nextInt(5) : 1;
        for (int i = 0; i < colorCount; i++) {
            colors.add(pick(COLORS));
        }
        double basePrice = 15 + random.nextInt(18_000) / 100.0;
        long added = FIRST_ADDED + (long) (random.nextDouble() * ADDED_SPAN);
        String id = "AV" + Long.toString(Math.abs(random.nextLong()), 36) + Integer.toString(index, 36);
        String slug = Integer.toString(index, 36);
        return new Product(id, brand, name, categories, colors, basePrice, added,
                "https://images.example.com/shoes/" + slug + ".jpg", "https://shop.example.com/p/" + slug);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
