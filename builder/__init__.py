"""The data builder: turns the declarative sources in `sources/` into every file of `geodata/`.

    python -m builder            rebuild geodata/ (layers, tables, catalog) from sources/
    python -m builder --check    rebuild into a scratch folder and report any file that differs from geodata/

Steps (one module each): `inputs` reads and schema-checks the YAML sources and the reference extracts,
`references` resolves `ref:` positions (converting GCJ-02/BD-09 to WGS-84, once), `shapes` turns geometry specs
and the few named derivations into shapes, `quotes` checks every plan quote against the section it cites,
`placement` checks districts and land/sea, `output` writes fixed-precision GeoJSON and generates the catalog.
"""
