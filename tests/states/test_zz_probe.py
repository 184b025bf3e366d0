from reflex_base.event.processor.base_state_processor import _prepare_event_payload
from huajin_pwa.states.join import JoinState
from huajin_pwa.states.forms import form_dict

def test_probe():
    wire = {"form": {"__reflex_form_data__": [["hobbies", "sing"], ["hobbies", "dance"], ["wishes", "arts"]]}}
    p = _prepare_event_payload(JoinState.event_handlers["save_hobbies"], wire)
    print(p, form_dict(p["form"], ("hobbies", "wishes")))
