"""Item-model adapters over immutable row DTOs."""
