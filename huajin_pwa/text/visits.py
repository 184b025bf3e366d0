"""上门看望: the rules' words and the member's visit pages."""


class Visit:
    """上门看望: the words of the visit rules (member side and shared)."""

    REASONS = {
        "chat": "看望聊天",
        "help": "困难帮扶",
        "study": "送学上门",
        "health": "健康关怀",
        "other": "其他",
    }
    HOLIDAY = "节日慰问"
    PARTS = {"am": "上午", "pm": "下午", "eve": "晚上"}
    ANY_PART = "全天都行"
    SOON = "尽快"
    STATUS = {
        "received": "已收到",
        "scheduled": "已安排",
        "done": "已完成",
        "cancelled": "已取消",
        "declined": "未能安排",
    }
    SOURCES = {"request": "本人请求", "logged": "主动看望", "campaign": "节日慰问"}
    REASON_INVALID = "请从列表中选择上门的原因"
    PART_INVALID = "请选择上午、下午或晚上"
    WISH_DAY_INVALID = "请选择一个日子，或选“尽快”"
    WISH_DAY_RANGE = "请选择从明天起14天以内的日子"
    NOTE_LONG = "补充说明不能超过500个字"
    NOT_DISCLOSED = "亮明身份并通过审核后，就可以请求上门看望。"
    NOT_YOURS = "这不是您的上门请求。"
    CANNOT_CANCEL = "这次上门现在是“{status}”，不能再取消了。"
    ALREADY_OPEN = "您已经请求过“{reason}”，社区正在办理，不用再请求一次。"
    # messages to the member
    RECEIVED_TITLE = "已收到您的上门请求"
    RECEIVED_BODY = "您请求的“{reason}”已收到，网格书记会尽快联系您安排时间。"
    SCHEDULED_TITLE = "上门时间已安排"
    SCHEDULED_BODY = "{visitor}将于{day}{part}上门看望您（{reason}）。"
    RESCHEDULED_TITLE = "上门时间有变动"
    VISITOR_TITLE = "请您上门看望一位党员"
    VISITOR_BODY = "{secretary}请您于{day}{part}上门看望{name}（{reason}），电话 {phone}。"
    DECLINED_TITLE = "上门请求暂时未能安排"
    DECLINED_BODY = (
        "您请求的“{reason}”暂时未能安排，原因：{why}。如有需要可以再次请求，或给网格书记打电话。"
    )
    DONE_TITLE = "上门看望已完成"
    DONE_BODY = "{day}的上门看望已登记完成。感谢您的信任，有需要随时再请求。"
    CANCELLED_TITLE = "您已取消上门请求"
    CANCELLED_BODY = "您已取消“{reason}”的上门请求。需要时可以再次请求。"
    # messages to the grid's secretaries
    NEW_REQUEST_TITLE = "新的上门请求"
    NEW_REQUEST_BODY = "{name}请求“{reason}”，希望的时间：{when}。"
    MEMBER_CANCELLED_TITLE = "上门请求已被本人取消"
    MEMBER_CANCELLED_BODY = "{name}取消了“{reason}”的上门请求。"


class VisitWork:
    """The grid secretary's visit work: the words of its rules."""

    NOT_YOUR_GRID = "这位党员不在您负责的网格，您不能处理。"
    NOT_A_MEMBER = "没有找到这位已亮明身份的党员。"
    DAY_INVALID = "请选择日期"
    SCHEDULE_RANGE = "上门日期应在今天到60天以内"
    VISITED_RANGE = "看望日期不能晚于今天，也不能早于60天前"
    VISITED_BEFORE_REQUEST = "看望日期不能早于请求提出的日子"
    VISITOR_UNKNOWN = "这个手机号不是本网格支部的党员或书记，请检查；不填就是您自己去"
    DECLINE_REASON_INVALID = "请写明不能安排的原因（2到200个字）"
    OUTCOME_INVALID = "请简单写一下看望的情况（2到500个字）"
    FOLLOW_UP_LONG = "这一项不能超过200个字"
    CANNOT_SCHEDULE = "这次上门现在是“{status}”，不能再安排时间。"
    CANNOT_DECLINE = "这次上门现在是“{status}”，不能再退回。"
    CANNOT_RECORD = "这次上门现在是“{status}”，不能再登记完成。"
    CHANGED_BY = "这条记录刚刚已由{name}处理，现在是“{status}”。请看最新情况。"
    CHANGED = "这条记录刚刚有了变化，现在是“{status}”。请看最新情况。"


class Care:
    """Health and help records: the words of their rules."""

    NOT_ALLOWED = "只有本人、所在网格的书记和社区工作人员可以查看这份记录。"
    HAS_RECORD_MISSING = "请选择是否已在社区卫生服务中心建立健康档案"
    SINCE_INVALID = "请填写建档日期，不能晚于今天"
    HELP_WHAT_INVALID = "请写明帮扶的内容（2到100个字）"
    HELP_DAY_INVALID = "请填写帮扶的日期，不能晚于今天，也不能早于2000年"
    HELP_BY_INVALID = "请写明由谁帮扶（1到30个字），例如 社区、爱之翼志愿队"


class Campaign:
    """节日慰问 campaigns: the words of their rules."""

    AUDIENCES = {
        "all": "全部已亮明身份的党员",
        "difficulty": "家庭困难的党员",
        "mobility": "行动不便的党员",
        "grid": "某一个网格的党员",
    }
    NAME_INVALID = "请填写活动名称（2到30个字），例如 春节慰问"
    START_INVALID = "请填写开始日期"
    END_INVALID = "请填写结束日期，不能早于开始日期，也不能早于今天"
    SPAN_LONG = "一次慰问最长90天"
    START_RANGE = "开始日期应在一年以内"
    AUDIENCE_INVALID = "请选择慰问对象"
    GRID_MISSING = "请选择网格"
    NOBODY = "没有符合条件的党员，没有创建慰问任务。"
    TASKS_TITLE = "节日慰问任务：{name}"
    TASKS_BODY = "“{name}”在您的网格有{count}位党员待看望，请在{end}前完成。"


class VisitPage:
    """/visits and /visits/new: the member's pages."""

    TITLE = "上门看望"
    REQUEST = "请求上门"
    INTRO = "需要有人上门看望、帮忙或送学，点“请求上门”，三步就好。"
    MINE = "我的上门"
    EMPTY = "还没有上门记录"
    EMPTY_HINT = "需要时点上面的“请求上门”。"
    TO_JOIN = "去亮明身份"
    TO_ME = "查看我的身份审核"
    PROGRESS = "进度"
    STEPS = ("已收到", "已安排", "已完成")
    ASKED_ON = "提出日期：{day}"
    WISH = "希望的时间：{when}"
    SCHEDULED = "上门时间：{day} {part}"
    VISITOR = "上门的人：{name}"
    DONE_ON = "看望日期：{day}"
    OUTCOME = "看望情况：{outcome}"
    DECLINED = "未能安排的原因：{why}"
    YOUR_NOTE = "您的补充说明：{note}"
    CANCEL = "取消这次上门"
    CANCEL_ASK = "确定取消？"
    CANCEL_YES = "是的，取消"
    CANCEL_NO = "不取消"
    CANCELLED = "已取消这次上门。需要时可以再次请求。"
    CREATED = "已提交。网格书记会尽快联系您安排时间，有变化会发到“消息”里。"
    CARE_TITLE = "我的健康档案与帮扶"
    HEALTH = "健康档案"
    HEALTH_YES = "已在社区卫生服务中心建立"
    HEALTH_SINCE = "建档日期：{day}"
    HEALTH_NO = "还没有建立。需要的话可以请网格书记帮忙。"
    HEALTH_UNKNOWN = "还没有登记。可以问问网格书记。"
    HELPS = "最近的帮扶"
    HELPS_EMPTY = "还没有帮扶记录"
    HELP_BY = "帮扶人：{by}"
    HISTORY = "上门看望记录"
    HISTORY_LINK = "查看上门看望记录"
    HISTORY_EMPTY = "还没有完成的上门看望"
    HISTORY_COUNT = "已完成 {count} 次上门看望"
    TO_VISITS = "回到上门看望"
    # the three request pages
    STEP = "第 {step} 步，共 3 步"
    REASON_TITLE = "请人上门做什么？"
    REASON_HINT = "点一下就选好了。"
    ALREADY_ASKED = "已经请求过，正在办理"
    SEE_PROGRESS = "查看进度"
    WHEN_TITLE = "您希望什么时候来？"
    SOON_HINT = "不挑日子，越快越好"
    OR_DAY = "或者选一个日子"
    PART_LEGEND = "先选时间段（不选就是全天都行）"
    TOMORROW = "明天"
    DAY_AFTER = "后天"
    NOTE_TITLE = "还有要补充的吗？"
    ASKED_FOR = "上门做什么"
    ASKED_WHEN = "什么时候"
    NOTE_LABEL = "补充说明（可以不填）"
    NOTE_HINT = "例如家里的困难、怎么找到您家。可以用手机的语音输入，最多500个字。"
    SUBMIT = "提交"
    BAD_LINK = "这个链接不完整或已过期，请从头选一次。"
    START_AGAIN = "从头开始"
    # the home page
    GRID_WORK = "网格工作"
    MY_VISITS = "看看我请求的上门"
