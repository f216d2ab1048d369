"""Pure-Python core of the Dalian 14th Five-Year Plan map (no Streamlit here).

Public entry points:
    catalog()            -> the layer catalog (geodata/catalog.json)
    load(layer_id)       -> a validated GeoDataFrame, or LayerError with a clear message
    load_all(ids)        -> (layers, problems): every layer that loads, and a message for each that does not
"""
from layers.catalog import LayerSpec, catalog, get_spec
from layers.loading import LayerError, load, load_all

__all__ = ["LayerSpec", "LayerError", "catalog", "get_spec", "load", "load_all"]
