package dev.v2l.asset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelMapTest {

    final LabelMap map = LabelMap.standard();

    @Test
    void catalogNamesMapToScanNetStyleLabels() {
        assertThat(map.label("Bedroom", "Bedside table")).contains("nightstand");
        assertThat(map.label("Lights", "Desk lamp")).contains("lamp");
        assertThat(map.label("Office", "Desk")).contains("desk");
        assertThat(map.label("Living room", "Corner sofa")).contains("sofa");
        assertThat(map.label("Living room", "Coffee table")).contains("coffee table");
        assertThat(map.label("Living room", "Oak table")).contains("table");
        assertThat(map.label("Living room", "Oak chair")).contains("chair");
        assertThat(map.label("Office", "Armchair")).contains("office chair");
        assertThat(map.label("Living room", "Winchester armchair")).contains("armchair");
        assertThat(map.label("Kitchen", "Large fridge")).contains("refrigerator");
        assertThat(map.label("Bathroom", "Toilets unit")).contains("toilet");
        assertThat(map.label("Bathroom", "Washbasin")).contains("sink");
        assertThat(map.label("Kitchen", "Sink cabinet")).contains("sink");
        assertThat(map.label("Office", "Dustbin")).contains("trash bin");
        assertThat(map.label("Living room", "TV")).contains("tv");
        assertThat(map.label("Living room", "Television cabinet")).contains("tv stand");
        assertThat(map.label("Doors and windows", "Double-hung window")).contains("window");
        assertThat(map.label("Doors and windows", "Exterior door")).contains("door");
    }

    @Test
    void exteriorVehiclesPeopleAndSmallPropsGetNoLabel() {
        assertThat(map.label("Vehicles", "Truck")).isEmpty();
        assertThat(map.label("Characters", "Chicken")).isEmpty();
        assertThat(map.label("Exterior", "Bench")).isEmpty();
        assertThat(map.label("Exterior", "Relax chair")).isEmpty();
        assertThat(map.label("Bedroom", "Teddy bear")).isEmpty();
        assertThat(map.label("Kitchen", "Coffee cup")).isEmpty();
        assertThat(map.label("Bathroom", "Comb")).isEmpty();
        assertThat(map.label("Miscellaneous", "Ceiling fan")).isEmpty();
        assertThat(map.label("Bedroom", "Baby bed")).isEmpty();
        assertThat(map.label("Doors and windows", "Garage door")).isEmpty();
    }

    @Test
    void everyLabelProceduralRoomsUseHasAnEmbeddedModel() {
        AssetLibrary lib = AssetLibrary.embeddedOnly();
        // required by the room recipes (optional extras such as monitor or microwave come with the Debian catalogs)
        for (String label : java.util.List.of("bed", "nightstand", "lamp", "wardrobe", "cabinet", "desk", "chair",
                "office chair", "plant", "armchair", "bookshelf", "trash bin", "radiator", "sofa", "table", "tv stand",
                "tv", "piano", "stool", "refrigerator", "sink", "oven", "stove", "toilet", "shower", "whiteboard")) {
            assertThat(lib.models(label)).as(label).isNotEmpty();
        }
        // the labels the library offers are all labels of the map
        assertThat(map.labels()).containsAll(lib.labels());
    }
}
