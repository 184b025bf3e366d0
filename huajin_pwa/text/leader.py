"""The team leader's workbench (/leader) and 以老带新 from the roster."""


class Leader:
    """Join requests, the roster, the team's activities, and referring a team member."""

    TITLE = "队长工作台"
    NAV_LABEL = "队长工作台的栏目"
    TABS = {"requests": "入队申请", "members": "队员", "activities": "活动"}
    COUNT_SUFFIX = "条"
    NOT_LEADER_TITLE = "您还不是队长"
    NOT_LEADER_BODY = "这里是文艺队和志愿服务队队长的工作台。您想带一支队伍，请联系社区工作人员。"
    TO_TEAMS = "看看文艺队和志愿服务队"
    TEAM_LABEL = "选择队伍"
    TEAM_OPTION = "{name}（{count}人申请）"
    TEAM_SHOW = "查看这支队伍"
    TEAM_NOW = "正在看："

    # 入队申请
    REQUESTS_LEAD = "下面的人申请加入队伍。请点“同意”或“不同意”，系统会发消息告诉本人。"
    REQUESTS_EMPTY = "没有等您处理的入队申请"
    REQUESTS_EMPTY_HINT = "有人申请入队时，会显示在这里。"
    ASKED_ON = "{day} 申请"
    ASKED_TEAM = "申请加入：{team}"
    APPROVE = "同意"
    DECLINE = "不同意"
    APPROVE_LABEL = "同意{name}入队"
    DECLINE_LABEL = "不同意{name}入队"
    APPROVED = "已同意{name}入队，已发消息告诉本人。"
    DECLINED = "已不同意{name}入队，已发消息告诉本人。"
    NO_REQUEST = "没有找到这个入队申请。"
    BY_LEADER = "队长{name}"
    BY_STAFF = "社区工作人员{name}"
    APPROVED_TITLE = "您已加入{team}"
    APPROVED_BODY = "{leader}同意了您加入{team}的申请。欢迎您！队里的活动可以在“活动”里报名。"
    DECLINED_TITLE = "{team}没有同意您的入队申请"
    DECLINED_BODY = "{leader}这次没有同意您加入{team}。您可以看看其他文艺队和志愿服务队。"
    DECIDED_BY = "{name}已经处理了这个申请，现在是：{status}。"
    CHANGED = "这个申请已经有了变化，现在是：{status}。请看最新的列表。"

    # 队员
    MEMBERS_LEAD = "队里的人。还没有亮明身份的，如果您知道他（她）是老党员，可以推荐给社区。"
    MEMBERS_EMPTY = "队里还没有队员"
    DISCLOSED = "已亮明身份"
    NOT_DISCLOSED = "尚未亮明身份"
    IS_LEADER = "队长"
    REFER = "推荐给社区（以老带新）"
    REFER_LABEL = "把{name}推荐给社区（以老带新）"
    REFERRED = "已推荐给社区，等工作人员联系"
    CALL = "打电话给"

    # 活动
    ACTIVITIES_LEAD = "队伍近两周办过的和将要办的活动。点开一个活动，可以签到、登记服务时长。"
    ACTIVITIES_EMPTY = "近两周没有活动"
    ACTIVITIES_EMPTY_HINT = "点上面的“新建活动”，安排一次活动。"
    NEW_ACTIVITY = "新建活动"
    WHEN = "{day} {start}–{end}"
    SIGNED = "已报名 {signed} / 名额 {capacity}"
    CHECKED_IN = "已签到 {count}"
    OPEN_ACTIVITY = "打开活动：{title}"
    OPEN = "打开这个活动"

    # 以老带新
    REFER_TITLE = "推荐给社区（以老带新）"
    REFER_INTRO = (
        "您觉得这位队员是组织关系在外地的老党员吗？写下您是怎么知道的，社区工作人员会去联系。"
    )
    REFER_WHO = "推荐的人："
    HOW_KNOWN_LABEL = "您是怎么知道的？"
    HOW_KNOWN_HINT = "2到200个字，例如 排练时她说起过在老家的党支部"
    HOW_KNOWN_INVALID = "请写下您是怎么知道的（2到200个字）"
    REFER_SUBMIT = "推荐给社区"
    REFER_DONE = "已经推荐给社区，工作人员会去联系{name}。谢谢您以老带新！"
    BACK_MEMBERS = "回到队员名单"
    WHEREABOUTS_TEAM = "{team}队员"
    NOT_IN_TEAM = "这个人不在您带的队伍里。"
    ALREADY_MEMBER = "这个人已经亮明身份了，不用再推荐。"
    ALREADY_REFERRED = "这个人已经被推荐给社区，工作人员正在跟进。"
