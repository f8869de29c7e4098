from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Also rewrites `import ... from "./x.js"` in our ES modules to the hashed names, so a module that two
    others import is one URL and runs once."""

    support_js_module_import_aggregation = True
