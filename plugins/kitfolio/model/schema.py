"""The JSON Schemas Kitfolio publishes, generated from the models (draft-07, for editors):
one document builder for the kit, campaign and feed formats."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
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


def document(schema_id: str, title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    """A published JSON Schema document: its header, then the generated ``body`` (whose own
    title and description, taken from a docstring, give way to the header's)."""
    rest = {key: value for key, value in body.items() if key not in ("title", "description")}
    return {
        "$schema": DRAFT,
        "$id": schema_id,
        "title": title,
        "description": description,
        **rest,
    }


def _body(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(schema_generator=_Draft07, ref_template="#/definitions/{model}")


def text(schema: dict[str, Any]) -> str:
    """A schema as committed under schema/: indented JSON, one newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def kit_schema() -> dict[str, Any]:
    """The kit format as a JSON Schema document."""
    return document(
        ID,
        "Kitfolio kit",
        "One creator's media kit: kits/<slug>.yml. See docs/kit-format.md.",
        _body(Kit),
    )


def kit_schema_text() -> str:
    """The schema as committed at schema/kit.schema.json."""
    return text(kit_schema())


def campaign_schema() -> dict[str, Any]:
    """The campaign format as a JSON Schema document."""
    return document(
        CAMPAIGN_ID,
        "Kitfolio campaign",
        "One partnership: campaigns/<name>.yml. See docs/campaigns.md.",
        _body(Campaign),
    )


def campaign_schema_text() -> str:
    """The schema as committed at schema/campaign.schema.json."""
    return text(campaign_schema())


Draft07 = _Draft07
"""The draft-07 generator, for the other schemas Kitfolio publishes (the data feed's)."""
