"""The JSON Schema of the kit format, generated from the models (draft-07, for editors)."""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from kitfolio.model.campaign import Campaign
from kitfolio.model.kit import Kit

DRAFT = "http://json-schema.org/draft-07/schema#"
ID = "https://kitfolio.dev/schema/kit.schema.json"
KIT_SCHEMA_PATH = "schema/kit.schema.json"
"""Where a site publishes the schema, so editors can fetch it beside the kits."""
CAMPAIGN_ID = "https://kitfolio.dev/schema/campaign.schema.json"
CAMPAIGN_SCHEMA_PATH = "schema/campaign.schema.json"


class _Draft07(GenerateJsonSchema):
    """pydantic writes 2020-12 ``$defs``; draft-07 tools such as the YAML language server
    want ``definitions``."""

    def generate(self, schema: Any, mode: Any = "validation") -> Any:
        out = super().generate(schema, mode=mode)
        if "$defs" in out:
            out["definitions"] = out.pop("$defs")
        return out


def kit_schema() -> dict[str, Any]:
    """The kit format as a JSON Schema document."""
    body = Kit.model_json_schema(schema_generator=_Draft07, ref_template="#/definitions/{model}")
    body.pop("title", None)
    return {
        "$schema": DRAFT,
        "$id": ID,
        "title": "Kitfolio kit",
        "description": "One creator's media kit: kits/<slug>.yml. See docs/kit-format.md.",
        **body,
    }


def kit_schema_text() -> str:
    """The schema as committed at schema/kit.schema.json."""
    return json.dumps(kit_schema(), indent=2, ensure_ascii=False) + "\n"


def campaign_schema() -> dict[str, Any]:
    """The campaign format as a JSON Schema document."""
    body = Campaign.model_json_schema(
        schema_generator=_Draft07, ref_template="#/definitions/{model}"
    )
    body.pop("title", None)
    return {
        "$schema": DRAFT,
        "$id": CAMPAIGN_ID,
        "title": "Kitfolio campaign",
        **body,
        "description": "One partnership: campaigns/<name>.yml. See docs/campaigns.md.",
    }


def campaign_schema_text() -> str:
    """The schema as committed at schema/campaign.schema.json."""
    return json.dumps(campaign_schema(), indent=2, ensure_ascii=False) + "\n"


Draft07 = _Draft07
"""The draft-07 generator, for the other schemas Kitfolio publishes (the data feed's)."""
